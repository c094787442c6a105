/** The argument and status rules every link backend applies (the simulator and a real environment alike). */
export { LINKABLE_STATUSES, isLinkable, linkableStatuscodes, notLinkableReason, statusLabel, type LinkableStatus } from './conversation-status';
export { checkEntityName } from './entity-name';
export { checkGuid } from './guid-argument';
export { describeRecord, slotName } from './records';

/**
 * The simulator's data: the same shape as `.omnichannel/simulator.json` (after validation and with
 * ids lower-cased), so a seed, the live state and the saved state are one type.
 */
import type { EntityLogicalName } from '../protocol/link';

/** The workspace file the seed is read from, relative to the workspace folder. */
export const SEED_FILE = '.omnichannel/simulator.json';

export type CustomerEntity = 'account' | 'contact';

export interface SimulatorRecord {
  readonly id: string;
  readonly name: string;
}

export interface SimulatorConversation {
  readonly id: string;
  readonly title: string;
  /** 1 Open, 2 Active, 3 Waiting, 4 Closed, 5 Wrap-up, 6 Resolved, 7 Scheduled. */
  readonly statuscode: number;
  readonly createdOn?: string;
  readonly customer: { readonly entity: CustomerEntity; readonly id: string } | null;
  readonly case: { readonly id: string } | null;
}

export interface SimulatorData {
  readonly focusedConversationId: string | null;
  readonly conversations: readonly SimulatorConversation[];
  readonly records: Readonly<Record<EntityLogicalName, readonly SimulatorRecord[]>>;
}

export type { LinkableStatus } from '../call-rules/conversation-status';

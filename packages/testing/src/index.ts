/**
 * @omnichannel-tools/testing: `installOmnichannel()` puts a faithful `Microsoft.Omnichannel` and
 * `Microsoft.Apm` on `globalThis` (or a jsdom window) for unit tests. It runs the Omnichannel Tools
 * simulator engine, so it accepts and rejects exactly what the extension's Simulator does.
 */
export {
  installOmnichannel,
  DOUBLE_METHODS,
  type CallOutcome,
  type DoubleMethod,
  type DoubleNamespace,
  type DoubleSession,
  type DoubleTab,
  type InstallOptions,
  type MicrosoftDouble,
  type OmnichannelDouble,
  type RecordedCall,
  type SeedInput,
} from './install';
export { LinkError, isLinkError, type LinkErrorCode, type LinkFailure, type LinkSuccess, type EntityLogicalName } from './protocol/link';
export { SAMPLE_DATA, ACCOUNTS, CONTACTS, CASES, CONVERSATIONS } from './simulator/sample-data';
export type { LinkableStatus, SimulatorData, SimulatorConversation, SimulatorRecord } from './simulator/types';

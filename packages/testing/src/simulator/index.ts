/**
 * The simulator engine: the state's shape, the documented link rules as pure functions, seed checking
 * against `schemas/simulator.schema.json`, and the built-in sample data. The extension's Simulator
 * backend and `installOmnichannel` both run on it.
 */
export { SEED_FILE, type CustomerEntity, type LinkableStatus, type SimulatorConversation, type SimulatorData, type SimulatorRecord } from './types';
export { link, unlink, recordName, type RuleOutcome } from './link-rules';
export { checkSimulatorData, loadSimulatorSeed, seedHash, SIMULATOR_SCHEMA, type SeedLoadResult } from './seed';
export { ACCOUNTS, CASES, CONTACTS, CONVERSATIONS, SAMPLE_DATA } from './sample-data';
export { isLinkable, statusLabel } from '../call-rules/conversation-status';

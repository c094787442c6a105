/** The simulator backend's public surface: the class, its seed loading and its stores. */
export { Simulator, type SimulatorOptions, type SimulatorChange, type RestoreReport } from './simulator';
export { loadSimulatorSeed, checkSimulatorData, seedHash, type SeedLoadResult } from './seed';
export { SEED_FILE } from './types';
export { FileSimulatorStore, MemorySimulatorStore, type SimulatorStore } from './store';
export { SAMPLE_DATA } from './sample-data';
export { isLinkable, statusLabel } from '../call-rules/conversation-status';
export type { LinkableStatus, SimulatorData, SimulatorConversation, SimulatorRecord, CustomerEntity } from './types';

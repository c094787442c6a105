/**
 * The simulator backend's public surface: the class and its stores. The engine it runs on (the state's
 * shape, the link rules, seed checking, the sample data) is `@omnichannel-tools/testing/simulator`, the
 * same one `installOmnichannel` runs, so the extension and users' unit tests obey one set of rules.
 */
export { Simulator, type SimulatorOptions, type SimulatorChange, type RestoreReport } from './simulator';
export { loadSimulatorSeed, checkSimulatorData, seedHash, SEED_FILE, SAMPLE_DATA, isLinkable, statusLabel, type SeedLoadResult } from '@omnichannel-tools/testing/simulator';
export { FileSimulatorStore, MemorySimulatorStore, type SimulatorStore } from './store';
export type { LinkableStatus, SimulatorData, SimulatorConversation, SimulatorRecord, CustomerEntity } from '@omnichannel-tools/testing/simulator';

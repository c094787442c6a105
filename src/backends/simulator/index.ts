/** The simulator backend's lazily loaded surface: the class, its seed loading, its file store and the sample data. */
export { Simulator } from './simulator';
export { loadSimulatorSeed, checkSimulatorData, seedHash } from './seed';
export { FileSimulatorStore } from './store';
export { SAMPLE_DATA } from './sample-data';
export type { SimulatorData } from './types';

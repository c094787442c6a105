/** Simulator data made from a real environment (dist/backends.js): loaded by the command that creates it. */
export { seedFromEnvironment, SAMPLE_SIZE, MAX_CONVERSATIONS, type SeedFromEnvironmentOptions, type SeedFromEnvironmentResult } from './from-environment';

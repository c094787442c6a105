/** The Dataverse link backend: what the client needs to construct one. */
export { DataverseBackend, type DataverseBackendOptions } from './backend';
export type { LinkableStatus } from '@omnichannel-tools/testing/call-rules';

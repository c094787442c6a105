/** The Dataverse link backend: what the client needs to construct one. */
export { DataverseBackend, type DataverseBackendOptions } from './backend';

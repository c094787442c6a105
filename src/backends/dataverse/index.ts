/** The Dataverse link backend: what the client needs to construct one. */
export { DataverseBackend, type DataverseBackendOptions } from './backend';
export type { LinkableStatus } from '@omnichannel-tools/testing/call-rules';
export { WebResourceApi, WebResourceError, toWebResourceError, type WebResourceRow, type WebResourceSummary, type WebResourceErrorCode } from './webresources';

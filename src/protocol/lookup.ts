/**
 * The language server's request for records and conversations (`omnichannel/lookupIds`), as the client
 * answers it. Declared once, in the language server's exported protocol; re-exported here beside the
 * extension's other cross-process messages.
 */
export {
  LOOKUP_IDS_OPTION,
  LOOKUP_TIMEOUT_MS,
  LookupIdsRequest,
  type LookupIdsParams,
  type LookupIdsResult,
  type LookupItem,
  type LookupRole,
} from '@omnichannel-tools/language-server';

/** Which recognised calls the link rules look at. */
import type { ApiCall } from '../../calls';

export const LINK_METHODS: ReadonlySet<string> = new Set(['linkToConversation', 'unlinkFromConversation']);

/** A `linkToConversation` / `unlinkFromConversation` call on `Microsoft.Omnichannel`. */
export function isLinkCall(call: ApiCall): boolean {
  return call.namespace === 'Microsoft.Omnichannel' && LINK_METHODS.has(call.member);
}

/** A call of one of the documented `Microsoft.Omnichannel` methods (they all return a promise). */
export function isOmnichannelPromise(call: ApiCall): boolean {
  return call.namespace === 'Microsoft.Omnichannel' && call.method?.returnsPromise === true;
}

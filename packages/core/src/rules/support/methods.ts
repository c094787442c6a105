/** Which recognised calls the link rules look at. */
import { LINK_METHODS } from '../../catalogue';
import type { ApiCall } from '../../calls';

/** A `linkToConversation` / `unlinkFromConversation` call on `Microsoft.Omnichannel`. */
export function isLinkCall(call: ApiCall): boolean {
  return call.namespace === 'Microsoft.Omnichannel' && LINK_METHODS.has(call.member);
}

/** A call of one of the documented `Microsoft.Omnichannel` methods (they all return a promise). */
export function isOmnichannelPromise(call: ApiCall): boolean {
  return call.namespace === 'Microsoft.Omnichannel' && call.method?.returnsPromise === true;
}

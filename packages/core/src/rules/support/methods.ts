/** Which recognised calls the link rules look at. */
import { LINK_METHODS } from '../../catalogue';
import type { ApiCall } from '../../calls';

/** A `linkToConversation` / `unlinkFromConversation` call on `Microsoft.Omnichannel`. */
export function isLinkCall(call: ApiCall): boolean {
  return call.namespace === 'Microsoft.Omnichannel' && LINK_METHODS.has(call.member);
}

/** A call of a catalogue method that returns a promise, in any namespace. */
export function returnsPromise(call: ApiCall): boolean {
  return call.method?.returnsPromise === true;
}

/**
 * "Copy as code": turns a finished call into the JavaScript a customization would contain, with the UI
 * refresh the API leaves to the caller and a rejection handler, so a pasted call passes the linter.
 */
import { DEFAULT_REFRESH_CALL } from '@omnichannel-tools/core/catalogue';
import type { LinkMethod, LinkRequest } from '../../protocol/link';

/** The call with `.then(refresh)` and `.catch(log)`; string arguments are JSON-quoted, so always valid JS. */
export function callAsCode(method: LinkMethod, request: LinkRequest, refreshCall: string): string {
  const args = [request.entityLogicalName, request.recordId];
  if (request.conversationId !== undefined) args.push(request.conversationId);
  const refresh = refreshCall.trim().replace(/;+\s*$/, '') || DEFAULT_REFRESH_CALL;
  return [
    `Microsoft.Omnichannel.${method}(${args.map(a => JSON.stringify(a)).join(', ')})`,
    `  .then(() => ${refresh})`,
    `  .catch(error => console.error(${JSON.stringify(`${method} failed:`)}, error));`,
  ].join('\n');
}

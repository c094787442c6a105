/**
 * Reads the optional argument of `omnichannel.linkRecord` / `omnichannel.unlinkRecord`
 * (`{ environment?, entityLogicalName, recordId, conversationId? }`), so a keybinding or a task runs a call
 * without prompting. Pure; the values are passed as given (the backend judges them like the API would).
 */
import type { LinkRequest } from '../../protocol/link';

export type CallArgument =
  /** No argument (palette, menu): run the guided flow. */
  | { readonly kind: 'none' }
  | { readonly kind: 'call'; readonly request: LinkRequest; readonly environment?: string }
  | { readonly kind: 'invalid'; readonly message: string };

const FIELDS = ['environment', 'entityLogicalName', 'recordId', 'conversationId'];

export function readCallArgument(arg: unknown): CallArgument {
  // Menus pass a Uri or nothing: anything that is not a plain object means "ask".
  if (arg === undefined || arg === null || typeof arg !== 'object' || Array.isArray(arg) || Object.getPrototypeOf(arg) !== Object.prototype) {
    return { kind: 'none' };
  }
  const value = arg as Record<string, unknown>;
  const problems: string[] = [];
  for (const field of ['entityLogicalName', 'recordId']) {
    if (typeof value[field] !== 'string') problems.push(`"${field}" must be a string`);
  }
  for (const field of ['conversationId', 'environment']) {
    if (value[field] !== undefined && typeof value[field] !== 'string') problems.push(`"${field}" must be a string when given`);
  }
  const unknown = Object.keys(value).filter(key => !FIELDS.includes(key));
  if (unknown.length > 0) problems.push(`unknown field${unknown.length > 1 ? 's' : ''} ${unknown.map(k => `"${k}"`).join(', ')}`);
  if (problems.length > 0) {
    return { kind: 'invalid', message: `The command argument is not usable: ${problems.join('; ')}. Expected { environment?, entityLogicalName, recordId, conversationId? }.` };
  }
  const request: LinkRequest = {
    entityLogicalName: value.entityLogicalName as string,
    recordId: value.recordId as string,
    ...(value.conversationId === undefined ? {} : { conversationId: value.conversationId as string }),
  };
  return value.environment === undefined ? { kind: 'call', request } : { kind: 'call', request, environment: value.environment as string };
}

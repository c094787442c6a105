/**
 * Checks a message from the webview against `schemas/webview-messages.schema.json` before the host acts on
 * it: the webview renders data from backends, so the host treats what it posts as untrusted input.
 * No `vscode` import, so tests use the very same check.
 */
import Ajv from 'ajv';
import type { ErrorObject } from 'ajv';
import schema from '../../../schemas/webview-messages.schema.json';
import type { WebviewToHost } from '../../protocol/webview';

export type ValidationResult =
  | { readonly ok: true; readonly message: WebviewToHost }
  | { readonly ok: false; readonly error: string };

const ajv = new Ajv({ allErrors: false, discriminator: true, strict: true });
const check = ajv.compile<WebviewToHost>(schema);

/** Validates one message; the error says which field is wrong and why. */
export function validateWebviewMessage(data: unknown): ValidationResult {
  if (check(data)) return { ok: true, message: data };
  return { ok: false, error: describe(data, check.errors ?? []) };
}

function describe(data: unknown, errors: readonly ErrorObject[]): string {
  const type = typeof data === 'object' && data !== null && typeof (data as { type?: unknown }).type === 'string'
    ? (data as { type: string }).type
    : undefined;
  const subject = type === undefined ? 'Panel message' : `Panel message "${type}"`;
  const first = errors[0];
  if (!first) return `${subject} is invalid.`;
  if (first.keyword === 'discriminator') {
    return type === undefined
      ? `${subject} has no string "type" field.`
      : `${subject} is not a known message type.`;
  }
  const field = first.instancePath === '' ? 'the message' : `field "${first.instancePath.slice(1).replace(/\//g, '.')}"`;
  return `${subject}: ${field} ${explain(first)}.`;
}

function explain(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'pattern':
      return 'must be a GUID in lower case with hyphens and no braces';
    case 'additionalProperties':
      return `has an unexpected property "${String(params['additionalProperty'])}"`;
    case 'required':
      return `is missing "${String(params['missingProperty'])}"`;
    case 'enum':
      return `must be one of ${(params['allowedValues'] as unknown[]).map(v => JSON.stringify(v)).join(', ')}`;
    default:
      return error.message ?? 'is invalid';
  }
}

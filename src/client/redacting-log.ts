/**
 * The Omnichannel output channel, with every line passed through `redact` first: whatever a server, a
 * sign-in program or the language server writes, a bearer token or JWT never reaches the log.
 */
import type * as vscode from 'vscode';
import { redact } from '../sign-in/redact';

const WRITERS = new Set<PropertyKey>(['trace', 'debug', 'info', 'warn', 'error', 'append', 'appendLine', 'replace']);

export function redactingLog(channel: vscode.LogOutputChannel): vscode.LogOutputChannel {
  return new Proxy(channel, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      if (!WRITERS.has(property)) return (value as (...args: unknown[]) => unknown).bind(target);
      return (first: unknown, ...rest: unknown[]) =>
        (value as (...args: unknown[]) => unknown).call(target, typeof first === 'string' ? redact(first) : first instanceof Error ? redact(first.message) : first, ...rest);
    },
  });
}

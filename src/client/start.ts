/**
 * Everything activation starts after it returned (dist/client.js, see lazy.ts): the `Context` (output
 * channel, settings, environments, sign-in, status bar, panel), the language server, and the commands'
 * bodies. The entry bundle registers the commands and loads this module on the next turn of the event loop,
 * or earlier when a command or the API needs it first.
 */
import type * as vscode from 'vscode';
import { Context } from './ctx';

export { runCommand } from './commands';

/** Builds the running state and starts the language server (without waiting for it). */
export function startExtension(extension: vscode.ExtensionContext): Context {
  const ctx = new Context(extension);
  ctx.startLanguageClient();
  return ctx;
}

/**
 * Keeps the server serving when a feature throws: the error is logged through the connection (never
 * the console, which is the protocol stream under `--stdio`) and the request gets an empty answer.
 */
import type { Connection } from 'vscode-languageserver/node';

export type Logger = Pick<Connection['console'], 'error' | 'warn' | 'info' | 'log'>;

export function guard<A extends unknown[], R>(log: Logger, name: string, fallback: R, fn: (...args: A) => R | Promise<R>): (...args: A) => Promise<R> {
  return async (...args: A) => {
    try {
      return await fn(...args);
    } catch (error) {
      log.error(`${name} failed: ${describeError(error)}`);
      return fallback;
    }
  };
}

export function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/**
 * A token printed by the user's own command (a script around their company's sign-in tool). The command
 * runs in the shell, as typed; whatever it prints on stdout, trimmed, is the token. It learns whether a
 * fresh token is wanted (after a 401) from `OMNICHANNEL_FORCE_REFRESH=1`. It runs in the user's home
 * folder, never the workspace's: a relative path in it must not pick up a script the opened folder ships.
 */
import { homedir } from 'node:os';
import type { TokenProvider } from './types';
import { redact } from './redact';
import { firstLines, formatDuration, runProcess } from './run-process';

export interface CommandOptions {
  readonly command: string;
  /** Working folder; the user's home folder by default. */
  readonly cwd?: string;
  readonly timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;

export function commandTokenProvider(options: CommandOptions): TokenProvider {
  return async forceRefresh => {
    if (typeof options.command !== 'string' || options.command.trim() === '') {
      throw new Error('The token command is empty: set the command that prints an access token for this environment.');
    }
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const result = await runProcess({
      file: options.command,
      shell: true,
      cwd: options.cwd ?? homedir(),
      timeoutMs,
      env: { ...process.env, OMNICHANNEL_FORCE_REFRESH: forceRefresh ? '1' : '0' },
    });
    // The command line is not quoted in messages: it may carry a secret.
    const name = 'The token command';
    if (result.startError) throw new Error(`${name} could not start: ${result.startError.message}`);
    if (result.timedOut) throw new Error(`${name} did not finish within ${formatDuration(timeoutMs)} and was stopped.`);
    if (result.code !== 0) {
      // Its error output may echo a token (its own stdout, or one it fetched): never pass one on.
      const stderr = redact(firstLines(result.stderr), [result.stdout]);
      throw new Error(`${name} failed (exit code ${result.code ?? 'none'})${stderr ? `: ${stderr}` : ' without error output'}.`);
    }
    const token = result.stdout.trim();
    // Never quote stdout in a message: it may be a token.
    if (token === '') throw new Error(`${name} printed nothing: it must print the access token on stdout.`);
    if (/\s/.test(token)) throw new Error(`${name} printed more than one word: it must print only the access token on stdout (send other output to stderr).`);
    return token;
  };
}

/**
 * A token from the Azure CLI (`az account get-access-token`), for developers already signed in there.
 * Runs az with an argument list and never through a shell; on Windows, where `az.cmd` needs cmd.exe, every
 * argument is quoted by cmd.exe's rules and checked to hold nothing it could read as a command.
 * `forceRefresh` cannot be passed on: az returns its cached token until it is close to expiry.
 */
import { environmentOrigin } from '../environments/environment-url';
import type { TokenProvider } from './types';
import { redact } from './redact';
import { firstLines, formatDuration, runProcess } from './run-process';
import { invocationFor } from './windows-command';

export interface AzureCliOptions {
  /** The environment URL; its origin is the token's resource. */
  readonly url: string;
  /** The az executable (default `az`). */
  readonly az?: string;
  readonly timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;

export function azureCliTokenProvider(options: AzureCliOptions): TokenProvider {
  return async () => {
    const resource = environmentOrigin(options.url);
    const az = options.az ?? (process.platform === 'win32' ? 'az.cmd' : 'az');
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const invocation = invocationFor(az, azArguments(resource));
    const result = await runProcess({ ...invocation, timeoutMs });
    if (result.startError) {
      if (result.startError.code === 'ENOENT') throw new Error(`The Azure CLI (${az}) was not found: install it (https://aka.ms/azure-cli) and run \`az login\`, or choose another sign-in method.`);
      throw new Error(`Could not run the Azure CLI (${az}): ${result.startError.message}`);
    }
    if (result.timedOut) throw new Error(`The Azure CLI did not answer within ${formatDuration(timeoutMs)}: run \`az account get-access-token --resource ${resource}\` in a terminal to see what it waits for.`);
    if (result.code !== 0) throw new Error(describeFailure(result.stderr, result.code, resource));
    const token = result.stdout.trim();
    if (token === '' || /\s/.test(token)) throw new Error('The Azure CLI did not print an access token: run `az login` and try again.');
    return token;
  };
}

/** What az is asked: the token for the environment's origin, printed alone. */
export function azArguments(resource: string): string[] {
  return ['account', 'get-access-token', '--resource', resource, '--query', 'accessToken', '-o', 'tsv'];
}

function describeFailure(stderr: string, code: number | null, resource: string): string {
  const detail = redact(firstLines(stderr));
  if (/is not recognized as an internal or external command/i.test(stderr)) {
    return 'The Azure CLI (az) was not found: install it (https://aka.ms/azure-cli) and run `az login`, or choose another sign-in method.';
  }
  if (/az login|not logged in|no subscription found|refresh token.*expired|AADSTS70043|AADSTS700082/i.test(stderr)) {
    return `The Azure CLI is not signed in (or its sign-in expired): run \`az login\` (add \`--tenant <tenant id>\` for another directory), then try again. az said: ${detail}`;
  }
  if (/AADSTS500011|AADSTS650057/i.test(stderr)) {
    return `The Azure CLI's account cannot get a token for ${resource}: check the environment URL and that your account is in that environment's tenant (\`az login --tenant <tenant id>\`). az said: ${detail}`;
  }
  return `The Azure CLI failed (exit code ${code ?? 'none'}): ${detail || 'no error output'}`;
}

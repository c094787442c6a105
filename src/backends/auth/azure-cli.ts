/**
 * A token from the Azure CLI (`az account get-access-token`), for developers already signed in there.
 * Runs az directly with an argument list (no shell on Linux/macOS), so the URL cannot inject anything.
 * `forceRefresh` cannot be passed on: az returns its cached token until it is close to expiry.
 */
import type { TokenProvider } from '../types';
import { firstLines, formatDuration, runProcess } from './run-process';

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
    const resource = resourceOf(options.url);
    const windows = process.platform === 'win32';
    // On Windows az is a .cmd script, which Node runs only through cmd.exe; the resource is a checked
    // origin (scheme, host, port), so nothing in it can be read as a shell operator.
    const az = options.az ?? (windows ? 'az.cmd' : 'az');
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const result = await runProcess({
      file: az,
      args: ['account', 'get-access-token', '--resource', resource, '--query', 'accessToken', '-o', 'tsv'],
      shell: windows && /\.(cmd|bat)$/i.test(az),
      timeoutMs,
    });
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

function describeFailure(stderr: string, code: number | null, resource: string): string {
  const detail = firstLines(stderr);
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

/** The origin of a checked http(s) URL, the resource az is asked for. */
export function resourceOf(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`"${url}" is not a URL: expected an environment URL such as https://contoso.crm.dynamics.com.`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new Error(`"${url}" is not an http(s) URL: expected an environment URL such as https://contoso.crm.dynamics.com.`);
  }
  return parsed.origin;
}

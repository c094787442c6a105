/**
 * Decides whether an access token may be sent to a URL. A token for Dataverse is worth a user's whole
 * Dynamics identity, so it goes only to the Dynamics clouds' hosts over https, or to hosts the user listed
 * in `omnichannel.trustedHosts` (their own settings). Plain http is allowed only for loopback hosts listed
 * there (a local stand-in or proxy), never for anything that leaves the machine. Pure, no I/O.
 */

import { dynamicsCloudOf } from '../environments/dynamics-clouds';
import { parseEnvironmentUrl } from '../environments/environment-url';

export type HostCheck = { readonly ok: true } | { readonly ok: false; readonly reason: string };

const SETTING = 'omnichannel.trustedHosts';

/** One parsed `omnichannel.trustedHosts` entry: `host`, `host:port`, `*.suffix` or `*.suffix:port`. */
interface TrustedEntry {
  /** Exact host, or the suffix (with its leading dot) for a wildcard. */
  readonly host: string;
  readonly wildcard: boolean;
  /** Required port; undefined = any port. */
  readonly port?: string;
}

export function checkTokenHost(url: string, trustedHosts: readonly string[]): HostCheck {
  // The environment URL's own rule first: a host of DNS labels (or http to loopback), nothing else.
  const parsed = parseEnvironmentUrl(url);
  if (!parsed.ok) return refuse(parsed.reason);
  const { host, protocol } = parsed;
  const port = parsed.port ?? (protocol === 'http:' ? '80' : '443');
  const listed = parseEntries(trustedHosts).some(entry => matches(entry, host, port));
  const display = parsed.port !== undefined ? `${host}:${parsed.port}` : host;

  if (protocol === 'https:') {
    if (dynamicsCloudOf(host) || listed) return { ok: true };
    return refuse(
      `Your access token would go to ${display}, which is not a Dynamics 365 host (*.dynamics.com or a sovereign Dynamics cloud). ` +
        `If you trust it, add "${display}" to ${SETTING} in your user settings.`,
    );
  }
  if (listed) return { ok: true };
  return refuse(`${parsed.origin} is a local http address: to send your access token there, add "${display}" to ${SETTING} in your user settings.`);
}

function parseEntries(entries: readonly string[]): TrustedEntry[] {
  const parsed: TrustedEntry[] = [];
  for (const raw of entries) {
    if (typeof raw !== 'string') continue;
    // People paste URLs into the setting: keep only the host[:port] part.
    let text = raw.trim().toLowerCase().replace(/^[a-z][a-z0-9+.-]*:\/\//, '');
    text = text.replace(/[/?#].*$/, '');
    if (text === '') continue;
    const wildcard = text.startsWith('*.');
    if (wildcard) text = text.slice(1);
    if (text === '::1') text = '[::1]';
    const portMatch = /^(.*?)(?::(\d{1,5}))?$/.exec(text);
    const host = portMatch?.[1] ?? text;
    const port = portMatch?.[2];
    if (host === '' || host === '.') continue;
    parsed.push(port !== undefined ? { host, wildcard, port } : { host, wildcard });
  }
  return parsed;
}

function matches(entry: TrustedEntry, host: string, port: string): boolean {
  if (entry.port !== undefined && entry.port !== port) return false;
  if (entry.wildcard) return host.endsWith(entry.host) && host.length > entry.host.length;
  return host === entry.host;
}

function refuse(reason: string): HostCheck {
  return { ok: false, reason };
}

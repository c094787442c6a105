/**
 * Decides whether an access token may be sent to a URL. A token for Dataverse is worth a user's whole
 * Dynamics identity, so it goes only to the Dynamics clouds' hosts over https, or to hosts the user listed
 * in `omnichannel.trustedHosts` (their own settings). Plain http is allowed only for loopback hosts listed
 * there (a local stand-in or proxy), never for anything that leaves the machine. Pure, no I/O.
 */

export type HostCheck = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/** Host suffixes of the Dynamics 365 clouds (commercial and sovereign). A host must have a label before one. */
export const DYNAMICS_HOST_SUFFIXES: readonly string[] = [
  '.dynamics.com',
  '.crm.microsoftdynamics.us',
  '.crm.appsplatform.us',
  '.crm.dynamics.cn',
  '.crm.microsoftdynamics.de',
];

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
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return refuse(`"${url}" is not a URL: expected an environment URL such as https://contoso.crm.dynamics.com.`);
  }
  if (parsed.username !== '' || parsed.password !== '') {
    return refuse(`The environment URL ${parsed.host} contains a user name or password: remove them, sign-in supplies the token.`);
  }
  const host = parsed.hostname.toLowerCase();
  const port = parsed.port !== '' ? parsed.port : parsed.protocol === 'http:' ? '80' : '443';
  const listed = parseEntries(trustedHosts).some(entry => matches(entry, host, port));
  const display = parsed.port !== '' ? `${host}:${parsed.port}` : host;

  if (parsed.protocol === 'https:') {
    if (isDynamicsHost(host) || listed) return { ok: true };
    return refuse(
      `Your access token would go to ${display}, which is not a Dynamics 365 host (*.dynamics.com or a sovereign Dynamics cloud). ` +
        `If you trust it, add "${display}" to ${SETTING} in your user settings.`,
    );
  }
  if (parsed.protocol === 'http:') {
    if (!isLoopback(host)) {
      return refuse(`${parsed.origin} uses plain http: an access token is sent over http only to a loopback host (localhost, 127.0.0.1, [::1]). Use https://${display}.`);
    }
    if (listed) return { ok: true };
    return refuse(`${parsed.origin} is a local http address: to send your access token there, add "${display}" to ${SETTING} in your user settings.`);
  }
  return refuse(`${parsed.protocol.replace(/:$/, '')} URLs cannot receive an access token: use https://, as in https://contoso.crm.dynamics.com.`);
}

export function isDynamicsHost(host: string): boolean {
  const lower = host.toLowerCase();
  return DYNAMICS_HOST_SUFFIXES.some(suffix => lower.endsWith(suffix) && lower.length > suffix.length);
}

/** 127.0.0.0/8, localhost and [::1]: the only hosts plain http may carry a token to. */
export function isLoopback(host: string): boolean {
  const lower = host.toLowerCase();
  if (lower === 'localhost' || lower === '[::1]' || lower === '::1') return true;
  const octets = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(lower);
  return octets !== null && octets.slice(1).every(o => Number(o) <= 255);
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

/**
 * The one reader of an environment URL. A Dataverse URL is `https://` plus DNS labels (letters, digits,
 * hyphens) plus an optional port; plain `http://` is accepted only for a loopback host (a local stand-in).
 * The authority is checked on the raw text, before any percent-decoding, so `&`, `%26`, quotes or spaces
 * can never reach a token request, a process argument or a message as part of a host. A path or query
 * after the authority is dropped: only the origin is ever used. The schema's `url` pattern is this rule too.
 */

export type EnvironmentUrl =
  | { readonly ok: true; readonly origin: string; readonly protocol: 'https:' | 'http:'; readonly host: string; readonly port?: string }
  | { readonly ok: false; readonly reason: string };

/** One DNS label: 1–63 letters, digits or hyphens, not starting or ending with a hyphen. */
const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
/** A port, 1–65535 (the schema must say the range in the pattern itself). */
const PORT = '(?::(?:6553[0-5]|655[0-2]\\d|65[0-4]\\d{2}|6[0-4]\\d{3}|[1-5]\\d{4}|[1-9]\\d{0,3}))?';
/** The hosts plain http may name: `localhost`, 127.0.0.0/8 and `[::1]`. */
const LOOPBACK = '(?:localhost|127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}|\\[::1\\])';

/** The whole-URL rule the environments schema states (base URL, optional trailing slash, nothing else). */
export const ENVIRONMENT_URL_PATTERN = `^(?:https://${LABEL}(?:\\.${LABEL})*${PORT}|http://${LOOPBACK}${PORT})/?$`;

const AUTHORITY = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)(.*)$/is;
const HTTPS_HOST = new RegExp(`^(${LABEL}(?:\\.${LABEL})*)(:\\d{1,5})?$`);
const HTTP_HOST = new RegExp(`^(${LOOPBACK})(:\\d{1,5})?$`, 'i');
const EXAMPLE = 'such as https://contoso.crm.dynamics.com';

export function parseEnvironmentUrl(text: unknown): EnvironmentUrl {
  if (typeof text !== 'string') return refuse(`An environment URL must be text, ${EXAMPLE}.`);
  const trimmed = text.trim();
  const shown = quote(trimmed);
  const parts = AUTHORITY.exec(trimmed);
  if (!parts) return refuse(`${shown} is not a URL: expected an environment URL ${EXAMPLE}.`);
  const scheme = parts[1]!.toLowerCase();
  const authority = parts[2]!;
  if (scheme !== 'https' && scheme !== 'http') {
    return refuse(`${scheme} URLs cannot be environments: use https://, as in https://contoso.crm.dynamics.com.`);
  }
  if (authority.includes('@')) {
    return refuse(`The environment URL ${shown} contains a user name or password: remove them, sign-in supplies the token.`);
  }
  if (scheme === 'https') {
    const host = HTTPS_HOST.exec(authority);
    if (!host) return refuse(`${shown} is not an environment URL: its host may hold only letters, digits, hyphens and dots (and a :port), ${EXAMPLE}.`);
    return accept('https:', host[1]!, host[2]);
  }
  const loopback = HTTP_HOST.exec(authority);
  if (loopback && validLoopback(loopback[1]!)) return accept('http:', loopback[1]!, loopback[2]);
  if (!HTTPS_HOST.test(authority)) return refuse(`${shown} is not an environment URL: its host may hold only letters, digits, hyphens and dots (and a :port), ${EXAMPLE}.`);
  const display = authority.toLowerCase();
  return refuse(`http://${display} uses plain http: an access token is sent over http only to a loopback host (localhost, 127.0.0.1, [::1]). Use https://${display}.`);
}

/** The origin of an environment URL (the token's resource); throws the reader's sentence for any other text. */
export function environmentOrigin(url: unknown): string {
  const parsed = parseEnvironmentUrl(url);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.origin;
}

function accept(protocol: 'https:' | 'http:', rawHost: string, rawPort: string | undefined): EnvironmentUrl {
  const host = rawHost.toLowerCase();
  const portNumber = rawPort === undefined ? undefined : Number(rawPort.slice(1));
  if (portNumber !== undefined && (portNumber < 1 || portNumber > 65535)) {
    return refuse(`The port ${portNumber} of ${protocol}//${host} is not a port number (1–65535).`);
  }
  const defaultPort = protocol === 'https:' ? 443 : 80;
  const port = portNumber === undefined || portNumber === defaultPort ? undefined : String(portNumber);
  const origin = `${protocol}//${host}${port === undefined ? '' : `:${port}`}`;
  return port === undefined ? { ok: true, origin, protocol, host } : { ok: true, origin, protocol, host, port };
}

function validLoopback(host: string): boolean {
  const octets = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  return octets === null || octets.slice(1).every(o => Number(o) <= 255);
}

/** The text as a message shows it: bounded, control characters made visible. */
function quote(text: string): string {
  const shown = text.length > 120 ? `${text.slice(0, 117)}…` : text;
  return JSON.stringify(shown);
}

function refuse(reason: string): EnvironmentUrl {
  return { ok: false, reason };
}

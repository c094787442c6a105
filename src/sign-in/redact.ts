/**
 * Takes secrets out of text before it leaves the process (a message, the log, the stored history): the
 * exact values the caller knows (the token just sent, a client secret) and anything shaped like a bearer
 * token (`Bearer …`, a JWT), which a server or a sign-in program may echo back.
 */

const REDACTED = '[redacted]';

/** Values shorter than this are not searched for: they would match ordinary words. */
const MIN_SECRET_LENGTH = 8;
const BEARER = /\b(Bearer)\s+[A-Za-z0-9\-._~+/]+=*/gi;
const JWT = /\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g;
/** `access_token=…` / `"client_secret": "…"` in form or JSON bodies. */
const NAMED = /\b(access_token|refresh_token|id_token|client_secret)(["']?\s*[:=]\s*["']?)[^\s"'&,}]+/gi;

export function redact(text: string, secrets: readonly (string | undefined)[] = []): string {
  let out = text;
  for (const secret of secrets) {
    const value = secret?.trim();
    if (value && value.length >= MIN_SECRET_LENGTH) out = out.split(value).join(REDACTED);
  }
  return out.replace(BEARER, `$1 ${REDACTED}`).replace(JWT, REDACTED).replace(NAMED, `$1$2${REDACTED}`);
}

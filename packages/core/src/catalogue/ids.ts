/**
 * The one rule for braced GUIDs, stated once for every place that reads an id: the analyzer, the
 * simulator's call rules (both link backends), the panel and the palette. The API's ids are lower case,
 * hyphenated and without braces; `formContext.data.entity.getId()` returns `{UPPER-CASE}` with braces, and
 * passing that straight in is the classic mistake. So braces are rejected everywhere, with this message
 * and the same normalised value offered as the fix. Pure: the panel's webview bundles it.
 */

/** Why a braced id is refused and what to pass instead (`argument` is `recordId`, `conversationId`…). */
export function bracedIdMessage(argument: string, normalised: string): string {
  return `Remove the braces from ${argument}: use "${normalised}".`;
}

/** The title of the fix that replaces a braced id with its normalised form. */
export function bracedIdFixTitle(normalised: string): string {
  return `Use "${normalised}"`;
}

/** Where braced ids come from, for hovers and docs (the message itself stays short). */
export const BRACED_ID_ORIGIN = 'formContext.data.entity.getId() returns ids as {UPPER-CASE} with braces; the API expects lower case without braces.';

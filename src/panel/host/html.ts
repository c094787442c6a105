/**
 * The panel's HTML, as a pure function of its resource URIs, so a test loads exactly what VS Code gets.
 * The page is an empty shell: the bundled script builds the UI and renders backend data with DOM text
 * nodes, and the Content-Security-Policy admits only that script (by nonce) and our own styles and fonts.
 */
import { randomBytes } from 'node:crypto';

export interface PanelHtmlResources {
  /** `webview.cspSource`: the origin of resources served from the extension. */
  readonly cspSource: string;
  /** A fresh random value per page load. */
  readonly nonce: string;
  /** `dist/webview.js` as a webview URI. */
  readonly scriptUri: string;
  /** `media/panel.css` as a webview URI. */
  readonly styleUri: string;
  /** `dist/codicons/codicon.css` as a webview URI (icons of the toolkit's buttons). */
  readonly codiconsUri: string;
}

/** A nonce for one page: 128 random bits, base64 (valid in a CSP source expression). */
export function createNonce(): string {
  return randomBytes(16).toString('base64');
}

/** The Content-Security-Policy of the panel page. */
function panelCsp(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `img-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
}

export function renderPanelHtml(r: PanelHtmlResources): string {
  const a = escapeAttribute;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${a(panelCsp(r.cspSource, r.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${a(r.codiconsUri)}" id="vscode-codicon-stylesheet">
<link rel="stylesheet" href="${a(r.styleUri)}">
<title>Omnichannel Link Calls</title>
</head>
<body>
<main id="app" aria-busy="true"></main>
<script nonce="${a(r.nonce)}" src="${a(r.scriptUri)}"></script>
</body>
</html>
`;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

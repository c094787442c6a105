/** Hover: API methods, parameters and entity names, from the core's `hover`. */
import { MarkupKind, type CancellationToken, type Hover, type HoverParams } from 'vscode-languageserver/node';
import { hover } from '@omnichannel-tools/core';
import type { ServerContext } from '../context';
import { toRange } from '../convert';
import { guard } from '../guard';
import { idHoverSection } from './id-lookup';

export function registerHover(ctx: ServerContext): void {
  ctx.connection.onHover(guard(ctx.log, 'Hover', null, async (params: HoverParams, token: CancellationToken): Promise<Hover | null> => {
    const entry = ctx.documents.get(params.textDocument.uri);
    if (!entry) return null;
    const info = hover(entry.doc, entry.doc.offsetAt(params.position));
    if (!info) return null;
    // Inside an id argument, which record or conversation of the active environment the id is.
    const record = await idHoverSection(ctx, entry.doc, entry.doc.offsetAt(params.position), token);
    const value = record === undefined ? info.contents : `${record}\n\n---\n\n${info.contents}`;
    return { contents: { kind: MarkupKind.Markdown, value }, range: toRange(entry.doc, info) };
  }));
}

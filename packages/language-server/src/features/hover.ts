/** Hover: API methods, parameters and entity names, from the core's `hover`. */
import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver/node';
import { hover } from '@omnichannel-tools/core';
import type { ServerContext } from '../context';
import { toRange } from '../convert';
import { guard } from '../guard';

export function registerHover(ctx: ServerContext): void {
  ctx.connection.onHover(guard(ctx.log, 'Hover', null, (params: HoverParams): Hover | null => {
    const entry = ctx.documents.get(params.textDocument.uri);
    if (!entry) return null;
    const info = hover(entry.doc, entry.doc.offsetAt(params.position));
    if (!info) return null;
    return { contents: { kind: MarkupKind.Markdown, value: info.contents }, range: toRange(entry.doc, info) };
  }));
}

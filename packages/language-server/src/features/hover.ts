/**
 * Hover: API methods, parameters and entity names, from the core's `hover`; inside an id argument, which
 * record or conversation of the active environment the id is; then the details of the findings under the
 * cursor. The editor already shows each finding's message (what to do) above the hover, so only the why is
 * added here, once per finding.
 */
import { MarkupKind, type CancellationToken, type Hover, type HoverParams } from 'vscode-languageserver/node';
import { ARGUMENT_RULE_IDS, hover } from '@omnichannel-tools/core';
import type { ServerContext } from '../context';
import { toRange } from '../convert';
import { guard } from '../guard';
import { idHoverSection } from './id-lookup';

export function registerHover(ctx: ServerContext): void {
  ctx.connection.onHover(guard(ctx.log, 'Hover', null, async (params: HoverParams, token: CancellationToken): Promise<Hover | null> => {
    const entry = ctx.documents.get(params.textDocument.uri);
    if (!entry) return null;
    const offset = entry.doc.offsetAt(params.position);
    const info = hover(entry.doc, offset);
    const settings = await ctx.settings.get(entry.uri);
    const findings = ctx.analyses.get(entry, settings.analyzer)?.findings ?? [];
    const details: string[] = [];
    let aboutArgument = false;
    for (const f of findings) {
      if (f.detail === undefined || f.start > offset || offset >= f.end || details.includes(f.detail)) continue;
      details.push(f.detail);
      // An argument's own docs say what its finding's detail says again (ids without braces…): the finding's words win.
      if (info && ARGUMENT_RULE_IDS.has(f.ruleId) && info.start >= f.start && info.end <= f.end) aboutArgument = true;
    }
    if (!info && details.length === 0) return null;
    // Inside an id argument, which record or conversation of the active environment the id is.
    const record = info ? await idHoverSection(ctx, entry.doc, offset, token) : undefined;
    const value = [record, aboutArgument ? undefined : info?.contents, ...details].filter((part): part is string => part !== undefined).join('\n\n---\n\n');
    const span = info ?? findings.find(f => f.detail !== undefined && f.start <= offset && offset < f.end)!;
    return { contents: { kind: MarkupKind.Markdown, value }, range: toRange(entry.doc, span) };
  }));
}

/** Signature help while typing the arguments of a catalogue method, from the core's `signatureHelp`. */
import { MarkupKind, type SignatureHelp, type SignatureHelpParams } from 'vscode-languageserver/node';
import { signatureHelp } from '@omnichannel-tools/core';
import type { ServerContext } from '../context';
import { guard } from '../guard';

export const SIGNATURE_TRIGGERS = ['(', ','];

export function registerSignatureHelp(ctx: ServerContext): void {
  ctx.connection.onSignatureHelp(guard(ctx.log, 'Signature help', null, (params: SignatureHelpParams): SignatureHelp | null => {
    const entry = ctx.documents.get(params.textDocument.uri);
    if (!entry) return null;
    const info = signatureHelp(entry.doc, entry.doc.offsetAt(params.position));
    if (!info) return null;
    return {
      signatures: [{
        label: info.label,
        documentation: { kind: MarkupKind.Markdown, value: info.documentation },
        parameters: info.parameters.map(p => ({ label: p.label, documentation: { kind: MarkupKind.Markdown, value: p.documentation } })),
      }],
      activeSignature: 0,
      activeParameter: info.activeParameter,
    };
  }));
}

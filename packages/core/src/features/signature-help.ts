/** Signature help while the user types the arguments of any catalogue method. */
import * as ts from 'typescript';
import type { SignatureInfo } from '../types';
import { parameterLabel, signatureLabel } from './markdown';
import { resolveCallee } from './resolve';
import { argumentIndexAt, insideArguments, lastWhere, type ParsedDocument } from './syntax';

export function signatureHelp(doc: ParsedDocument, offset: number): SignatureInfo | undefined {
  const sf = doc.sourceFile;
  if (offset < 0 || offset > sf.text.length) return undefined;
  // The innermost call whose parentheses hold the cursor; an argument that is itself a call of
  // something else (`link("incident", getId(|))`) hides the outer signature, as in TypeScript.
  // Typed-but-unclosed calls end at their last token; the cursor may sit in whitespace after it.
  let reach = offset;
  while (reach > 0 && /\s/.test(sf.text[reach - 1]!)) reach--;
  const found = lastWhere(
    sf,
    node => offset >= node.getStart(sf) && reach <= node.end,
    (node): node is ts.CallExpression => ts.isCallExpression(node) && insideArguments(node, offset, sf),
  );
  if (!found) return undefined;
  const method = resolveCallee(found, sf);
  if (!method) return undefined;
  return {
    label: `${method.namespace}.${signatureLabel(method)}`,
    documentation: method.doc,
    parameters: method.parameters.map(p => ({ label: parameterLabel(p), documentation: p.doc })),
    activeParameter: argumentIndexAt(found, offset, sf),
  };
}

/**
 * Hover: API methods and namespaces (signature, docs, example), the parameter an argument fills, and
 * entity names in a link/unlink call's first argument.
 */
import * as ts from 'typescript';
import { LINK_METHODS, findEntity, methodsOf } from '../catalogue';
import type { HoverInfo } from '../types';
import { entityMarkdown, methodMarkdown, namespaceMarkdown, parameterMarkdown, propertyMarkdown } from './markdown';
import { resolveCallee, resolveTarget, type ApiTarget } from './resolve';
import { innermostAt, type ParsedDocument } from './syntax';

export function hover(doc: ParsedDocument, offset: number): HoverInfo | undefined {
  const sf = doc.sourceFile;
  if (offset < 0 || offset >= sf.text.length) return undefined;
  return memberHover(sf, offset) ?? argumentHover(sf, offset);
}

/** A method or namespace name, reached directly (`Microsoft.Omnichannel.x`) or through an alias. */
function memberHover(sf: ts.SourceFile, offset: number): HoverInfo | undefined {
  const id = innermostAt(sf, offset, ts.isIdentifier, false);
  if (!id) return undefined;
  const parent = id.parent;
  let target: ApiTarget | undefined;
  if (parent && ts.isPropertyAccessExpression(parent) && parent.name === id) target = resolveTarget(parent, sf);
  else if (parent && isReference(id)) target = resolveTarget(id, sf);
  const contents = target && targetMarkdown(target);
  return contents ? { start: id.getStart(sf), end: id.end, contents } : undefined;
}

/** Identifiers that are read as values (not a declaration's name nor an object key). */
function isReference(id: ts.Identifier): boolean {
  const p = id.parent;
  if (ts.isPropertyAccessExpression(p)) return p.expression === id;
  if (ts.isVariableDeclaration(p) || ts.isBindingElement(p) || ts.isPropertyAssignment(p)) return p.name !== id;
  if (ts.isFunctionDeclaration(p) || ts.isParameter(p) || ts.isMethodDeclaration(p)) return p.name !== id;
  return true;
}

function targetMarkdown(target: ApiTarget): string | undefined {
  if (target.kind === 'method') return methodMarkdown(target.method);
  if (target.kind === 'namespace') return namespaceMarkdown(target.namespace, methodsOf(target.namespace));
  if (target.kind === 'property') return propertyMarkdown(target.namespace, target.property);
  return undefined;
}

/** The argument under the cursor in a catalogue call: its parameter, or the entity it names. */
function argumentHover(sf: ts.SourceFile, offset: number): HoverInfo | undefined {
  let node = innermostAt(sf, offset, (n): n is ts.Node => true, false);
  while (node && !(node.parent && ts.isCallExpression(node.parent) && node.parent.arguments.includes(node as ts.Expression))) node = node.parent;
  if (!node) return undefined;
  const call = node.parent as ts.CallExpression;
  const method = resolveCallee(call, sf);
  if (!method) return undefined;
  const index = call.arguments.indexOf(node as ts.Expression);
  const param = method.parameters[index];
  if (!param) return undefined;
  const span = { start: node.getStart(sf), end: node.end };
  if (index === 0 && LINK_METHODS.has(method.name) && ts.isStringLiteralLike(node)) {
    const entity = findEntity(node.text);
    if (entity) return { ...span, contents: entityMarkdown(entity) };
    // What to use instead is the invalid-entity-name finding's message, shown with this hover: not repeated here.
    return { ...span, contents: parameterMarkdown(method, param) };
  }
  return { ...span, contents: parameterMarkdown(method, param) };
}

/**
 * Every declaration of one name in a file, found from the name's occurrences in the text. A declaration
 * is a value (an alias or string constant: `const oc = Microsoft.Omnichannel`, `const { link } = oc`) or
 * only shadows (parameters, functions, classes, imports, `let x;`, values that cannot name the API).
 * A declaration that binds nothing at run time (`declare const Microsoft: any`) is no declaration at all.
 */
// A plain require: `import * as` would wrap every `ts.X` in one more getter, and this runs per call.
import ts = require('typescript');
import { GLOBALS, couldNameApi } from './resolve';
import { isFunctionValue } from './functions';
import { unwrap } from './wrappers';
import { occurrences } from './locate';
import { scopeOf, type Declaration, type PathStep } from './scope';

const K_IDENTIFIER = ts.SyntaxKind.Identifier;
const K_STRING = ts.SyntaxKind.StringLiteral;
const K_FUNCTION = ts.SyntaxKind.FunctionDeclaration;
const K_VARIABLE = ts.SyntaxKind.VariableDeclaration;
const K_VARIABLE_LIST = ts.SyntaxKind.VariableDeclarationList;
const K_BINDING_ELEMENT = ts.SyntaxKind.BindingElement;
const K_OBJECT_PATTERN = ts.SyntaxKind.ObjectBindingPattern;
const K_FIRST_TYPE = ts.SyntaxKind.FirstTypeNode;
const K_LAST_TYPE = ts.SyntaxKind.LastTypeNode;
/** Declarations whose `name` only shadows. */
const NAMED_OPAQUE: ReadonlySet<ts.SyntaxKind> = new Set([
  ts.SyntaxKind.Parameter, ts.SyntaxKind.FunctionExpression,
  ts.SyntaxKind.ClassDeclaration, ts.SyntaxKind.ClassExpression, ts.SyntaxKind.ImportClause,
  ts.SyntaxKind.NamespaceImport, ts.SyntaxKind.ImportSpecifier, ts.SyntaxKind.ImportEqualsDeclaration,
]);

/**
 * Ties between declarations with the same scope go to the first in the list: values that can name the
 * API first, then other initialised variables, then the rest; later in the file first within each group.
 */
const enum Rank { Value, OtherValue, Opaque }

interface Ranked {
  readonly rank: Rank;
  readonly at: number;
  readonly declaration: Declaration;
}

/**
 * The declarations of each name. A name never bound to a value resolves to nothing, shadowed or not, so
 * one sweep over the places that could bind a value (for all names at once) settles most names; only
 * names with a value, and roots (`Microsoft`, `window`…) whose shadowing matters, get a full search.
 */
export function collectDeclarations(sourceFile: ts.SourceFile, names: readonly string[]): Map<string, Declaration[]> {
  const result = new Map<string, Declaration[]>();
  const full = names.filter(name => name === 'Microsoft' || GLOBALS.has(name));
  const others = names.filter(name => !full.includes(name));
  const withValue = new Set<string>();
  if (others.length > 0) {
    for (const node of occurrences(sourceFile, others, { valuesOnly: true })) {
      const id = node as ts.Identifier;
      const declaration = withValue.has(id.text) ? undefined : classify(id, sourceFile)?.declaration;
      if (declaration && (declaration.value || declaration.fn) && !insideType(id)) withValue.add(id.text);
    }
  }
  for (const name of others) if (!withValue.has(name)) result.set(name, []);
  for (const name of [...full, ...withValue]) result.set(name, declarationsOf(sourceFile, name));
  return result;
}

function declarationsOf(sourceFile: ts.SourceFile, name: string): Declaration[] {
  const ranked: Ranked[] = [];
  for (const node of occurrences(sourceFile, name, { declarationsOnly: true })) {
    const entry = classify(node as ts.Identifier, sourceFile);
    if (entry && !insideType(node)) ranked.push(entry);
  }
  ranked.sort((a, b) => a.rank - b.rank || b.at - a.at);
  return ranked.map(r => r.declaration);
}

function classify(id: ts.Identifier, sourceFile: ts.SourceFile): Ranked | undefined {
  const entry = classifyDeclaration(id);
  // Asked only of declarations: most occurrences are uses, and the question walks up the tree.
  return entry && !declaresTheGlobal(id.parent, sourceFile) ? entry : undefined;
}

function classifyDeclaration(id: ts.Identifier): Ranked | undefined {
  const parent = id.parent;
  if (parent.kind === K_VARIABLE) {
    const decl = parent as ts.VariableDeclaration;
    if (decl.name !== id) return undefined;
    return fromVariable(decl, id, []);
  }
  if (parent.kind === K_BINDING_ELEMENT) {
    const element = parent as ts.BindingElement;
    if (element.name !== id) return undefined;
    return fromPattern(element, id);
  }
  if (parent.kind === K_FUNCTION && (parent as ts.FunctionDeclaration).name === id) {
    // Its calls yield what it returns (`function getOc() { return window.top.Microsoft.Omnichannel; }`).
    return { rank: Rank.Value, at: parent.pos, declaration: { scope: scopeOf(id), fn: parent as ts.FunctionDeclaration } };
  }
  if (NAMED_OPAQUE.has(parent.kind) && (parent as ts.NamedDeclaration).name === id) return opaque(Rank.Opaque, parent, id);
  return undefined;
}

/** A name bound by a (possibly nested) destructuring pattern, with the property path leading to it. */
function fromPattern(element: ts.BindingElement, id: ts.Identifier): Ranked | undefined {
  const path: PathStep[] = [];
  let followable = true;
  let node: ts.Node = element;
  while (node.kind === K_BINDING_ELEMENT) {
    const el = node as ts.BindingElement;
    const pattern = el.parent;
    if (pattern.kind !== K_OBJECT_PATTERN) {
      followable = false; // array patterns are not followed
    } else {
      const key = el.propertyName ?? (el.name.kind === K_IDENTIFIER ? el.name : undefined);
      const keyText = key && (key.kind === K_IDENTIFIER || key.kind === K_STRING) ? (key as ts.Identifier | ts.StringLiteral).text : undefined;
      if (el.dotDotDotToken || keyText === undefined) followable = false;
      else path.push({ name: keyText, node: key! });
    }
    node = pattern.parent;
  }
  if (node.kind === K_VARIABLE) {
    const decl = node as ts.VariableDeclaration;
    const entry = fromVariable(decl, id, path.reverse());
    // A rest or array element of a value declaration only shadows, but ranks with the values.
    return entry && !followable && entry.rank === Rank.Value ? opaque(Rank.Value, decl, id) : entry;
  }
  return opaque(Rank.Opaque, node, id);
}

function fromVariable(decl: ts.VariableDeclaration, id: ts.Identifier, path: readonly PathStep[]): Ranked {
  const init = decl.initializer;
  if (!init || decl.parent.kind !== K_VARIABLE_LIST) return opaque(Rank.Opaque, decl, id);
  const isConst = (decl.parent.flags & ts.NodeFlags.Const) !== 0;
  const fn = unwrap(init);
  if (isFunctionValue(fn) && path.length === 0) return { rank: Rank.Value, at: decl.pos, declaration: { scope: scopeOf(id), fn } };
  if (!couldNameApi(init)) return opaque(Rank.OtherValue, decl, id);
  return { rank: Rank.Value, at: decl.pos, declaration: { scope: scopeOf(id), value: { init, path, isConst } } };
}

function opaque(rank: Rank, owner: ts.Node, id: ts.Identifier): Ranked {
  return { rank, at: owner.pos, declaration: { scope: scopeOf(id) } };
}

/**
 * Declarations that name the global instead of hiding it. An ambient one (`declare const Microsoft: any`,
 * `declare global { var Microsoft: any }`, a `.d.ts` file, the parameters of a `declare function`) only
 * tells the compiler the global exists. So does `var Microsoft;` without a value at the top of a script:
 * a script's top-level `var` is a property of the global object, the very one the platform filled.
 */
function declaresTheGlobal(node: ts.Node, sourceFile: ts.SourceFile): boolean {
  if (isAmbient(node, sourceFile)) return true;
  if (node.kind !== K_VARIABLE || (node as ts.VariableDeclaration).initializer) return false;
  const list = node.parent;
  const statement = list.parent;
  return list.kind === K_VARIABLE_LIST && (list.flags & ts.NodeFlags.BlockScoped) === 0
    && statement.kind === ts.SyntaxKind.VariableStatement && statement.parent.kind === ts.SyntaxKind.SourceFile
    && !ts.isExternalModule(sourceFile);
}

/** Per file: whether the word `declare` appears at all (without it, nothing but a `.d.ts` file is ambient). */
const mentionsDeclare = new WeakMap<ts.SourceFile, boolean>();

/** In a `.d.ts` file, or inside a declaration marked `declare` (itself or an enclosing `declare global` / `namespace`). */
function isAmbient(node: ts.Node, sourceFile: ts.SourceFile): boolean {
  if (sourceFile.isDeclarationFile) return true;
  let mentions = mentionsDeclare.get(sourceFile);
  if (mentions === undefined) {
    mentions = sourceFile.text.includes('declare');
    mentionsDeclare.set(sourceFile, mentions);
  }
  if (!mentions) return false;
  for (let n: ts.Node | undefined = node; n; n = n.parent) {
    const modifiers = (n as { readonly modifiers?: ts.NodeArray<ts.ModifierLike> }).modifiers;
    if (modifiers?.some(m => m.kind === ts.SyntaxKind.DeclareKeyword)) return true;
    if (n.kind === ts.SyntaxKind.SourceFile) return (n as ts.SourceFile).isDeclarationFile;
  }
  return false;
}

/** Names inside type annotations declare nothing at run time (`(Microsoft: T) => void`). */
function insideType(node: ts.Node): boolean {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if (n.kind >= K_FIRST_TYPE && n.kind <= K_LAST_TYPE) return true;
  }
  return false;
}

/** The members of `Microsoft` that `@omnichannel-tools/types` declares: a declaration of these conflicts with it. */
const TYPED_MEMBERS: ReadonlySet<string> = new Set(['Omnichannel', 'Apm']);

/**
 * A hand-written ambient declaration of the `Microsoft` global that `@omnichannel-tools/types` replaces
 * (`declare const Microsoft: any;`, `declare var Microsoft`, `declare namespace Microsoft { … Omnichannel … }`,
 * `declare global { var Microsoft: any }`). Offsets in the file's text.
 */
export interface AmbientMicrosoftDeclaration {
  /** The declaration as written, for the range a code action is offered on. */
  readonly start: number;
  readonly end: number;
  /** The text removing it deletes: its whole lines when nothing else is on them, with a separating comma when it shares a statement. */
  readonly removeStart: number;
  readonly removeEnd: number;
}

export interface AmbientMicrosoft {
  readonly declarations: readonly AmbientMicrosoftDeclaration[];
  /** Where a `/// <reference types="…" />` line goes (after a `#!` line); undefined when the file already has it. */
  readonly referenceAt: number | undefined;
}

/**
 * The file's own ambient declarations of `Microsoft` that the published type definitions make unnecessary
 * (and would collide with). Only top-level ones and those in a top-level `declare global`. A
 * `declare namespace Microsoft` counts only for its `Omnichannel` and `Apm` members: other members (a
 * `CIFramework` of your own) merge with the package's namespace and stay.
 */
export function ambientMicrosoftDeclarations(sourceFile: ts.SourceFile, typesPackage: string): AmbientMicrosoft {
  const declarations: AmbientMicrosoftDeclaration[] = [];
  const text = sourceFile.text;
  if (text.includes('Microsoft')) {
    for (const statement of sourceFile.statements) {
      if (ts.isModuleDeclaration(statement) && (statement.flags & ts.NodeFlags.GlobalAugmentation) !== 0) {
        const body = statement.body;
        if (!body || !ts.isModuleBlock(body)) continue;
        const inner = body.statements.flatMap(s => fromStatement(s, text, true));
        const whole = inner.length > 0 && inner.length === body.statements.length && inner.every(d => d.whole);
        if (whole) declarations.push(removal(statement, text));
        else declarations.push(...inner.map(d => d.declaration));
      } else {
        declarations.push(...fromStatement(statement, text, sourceFile.isDeclarationFile).map(d => d.declaration));
      }
    }
  }
  const referenced = sourceFile.typeReferenceDirectives.some(d => d.fileName === typesPackage);
  return { declarations, referenceAt: referenced ? undefined : afterShebang(text) };
}

interface Found {
  readonly declaration: AmbientMicrosoftDeclaration;
  /** The whole statement goes (not one declarator or member of it). */
  readonly whole: boolean;
}

function fromStatement(statement: ts.Statement, text: string, ambientContext: boolean): Found[] {
  const ambient = ambientContext || (ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some(m => m.kind === ts.SyntaxKind.DeclareKeyword) === true);
  if (!ambient) return [];
  if (ts.isVariableStatement(statement)) {
    const list = statement.declarationList.declarations;
    const named = list.filter(d => ts.isIdentifier(d.name) && d.name.text === 'Microsoft');
    if (named.length === 0) return [];
    if (named.length === list.length) return [{ declaration: removal(statement, text), whole: true }];
    return named.map(d => ({ declaration: declaratorRemoval(d, list, text), whole: false }));
  }
  if (ts.isModuleDeclaration(statement) && ts.isIdentifier(statement.name) && statement.name.text === 'Microsoft') {
    const members = namespaceMembers(statement);
    if (members === 'opaque') return [{ declaration: removal(statement, text), whole: true }];
    const typed = members.filter(m => memberNames(m).some(n => TYPED_MEMBERS.has(n)));
    if (typed.length === 0) return [];
    if (typed.length === members.length) return [{ declaration: removal(statement, text), whole: true }];
    // Offered anywhere on the namespace; only the typed members go.
    return typed.map(m => ({ declaration: { ...removal(m, text), start: statement.getStart(), end: statement.end }, whole: false }));
  }
  return [];
}

/** The statements of `namespace Microsoft { … }` (of its innermost block for `namespace Microsoft.Omnichannel`). */
function namespaceMembers(declaration: ts.ModuleDeclaration): readonly ts.Statement[] | 'opaque' {
  const body = declaration.body;
  // `namespace Microsoft.Omnichannel { … }` declares a typed member itself.
  if (body && ts.isModuleDeclaration(body)) return TYPED_MEMBERS.has(body.name.text) ? 'opaque' : [];
  return body && ts.isModuleBlock(body) ? body.statements : [];
}

function memberNames(statement: ts.Statement): string[] {
  if (ts.isVariableStatement(statement)) return statement.declarationList.declarations.flatMap(d => (ts.isIdentifier(d.name) ? [d.name.text] : []));
  const name = (statement as ts.Statement & { readonly name?: ts.Node }).name;
  return name && ts.isIdentifier(name) ? [name.text] : [];
}

/** A statement with its own lines, when nothing else is on them. */
function removal(node: ts.Node, text: string): AmbientMicrosoftDeclaration {
  const start = node.getStart();
  const end = node.end;
  let removeStart = start;
  while (removeStart > 0 && (text[removeStart - 1] === ' ' || text[removeStart - 1] === '\t')) removeStart--;
  let removeEnd = end;
  while (removeEnd < text.length && (text[removeEnd] === ' ' || text[removeEnd] === '\t')) removeEnd++;
  const ownsLine = (removeStart === 0 || text[removeStart - 1] === '\n') && (removeEnd === text.length || text[removeEnd] === '\n' || text[removeEnd] === '\r');
  if (!ownsLine) return { start, end, removeStart: start, removeEnd: end };
  if (text.startsWith('\r\n', removeEnd)) removeEnd += 2;
  else if (removeEnd < text.length) removeEnd += 1;
  return { start, end, removeStart, removeEnd };
}

/** One declarator of `declare const Xrm: any, Microsoft: any;` with the comma that separates it. */
function declaratorRemoval(declarator: ts.VariableDeclaration, list: ts.NodeArray<ts.VariableDeclaration>, text: string): AmbientMicrosoftDeclaration {
  const index = list.indexOf(declarator);
  const start = declarator.getStart();
  const end = declarator.end;
  // The last one goes with the comma before it; any other with the comma (and space) after it.
  if (index === list.length - 1) return { start, end, removeStart: list[index - 1]!.end, removeEnd: end };
  return { start, end, removeStart: start, removeEnd: list[index + 1]!.getStart() };
}

function afterShebang(text: string): number {
  if (!text.startsWith('#!')) return 0;
  const newline = text.indexOf('\n');
  return newline < 0 ? text.length : newline + 1;
}

// The language server bundle's TypeScript: the installed typescript.js, turned at build time into an ES module
// that exports TypeScript's public names, so that esbuild keeps only the code the server reaches (the scanner,
// the parser, the incremental parser, the node factory and the guards) and drops the checker, the emitter and
// the language service. Nothing is copied into the repository: the module is made from the installed file on
// every build, and a typescript.js whose shape differs from the one described here fails the build.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { assertNoPresenceTests, leanNodes } from './lean-nodes.mjs';

const require = createRequire(import.meta.url);

// typescript.js is itself an esbuild bundle: one closure, `var ts = {}; ((module) => { ... })(...)`, whose
// public names are the getters of `__export(typescript_exports, { Name: () => local, ... })`.
const OPENING = 'var ts = {}; ((module) => {\n"use strict";\n';
const CLOSING = '\n})({ get exports() { return ts; }';
const PUBLIC = /\nvar typescript_exports = \{\};\n__export\(typescript_exports, \{\n([^]*?)\n\}\);\n/;
const TO_COMMONJS = '\nmodule.exports = __toCommonJS(typescript_exports);\n';
const ANNOTATION = /\n\/\/ Annotate the CommonJS export names for ESM import in node:\n0 && \(module\.exports = \{[^]*?\n\}\);/;
// The internal namespaces (`ts.performance`, `ts.codefix`, ...) are objects filled by a call at the top level,
// which esbuild must keep, and with it every function the namespace names. Built by a call marked pure instead,
// a namespace nobody reads goes, and one that is read is built as before.
const NAMESPACE = /\nvar (ts_\w*exports\d*) = \{\};\n__export\(\1, \{\n/g;

// What else runs when typescript.js loads, and how each kind is handled (see markPure below):
// - `var x = <expression>`: each builds the value of its variable and nothing else (maps and tables, scanners,
//   node factories, compiler option tables, localised messages, the performance hooks and `sys`, which probes
//   the file system but changes nothing). Wrapped in a call marked pure, it runs only if `x` is kept.
// - `var N; ((N2) => { ... })(N || (N = {}))`: a namespace (Debug, Parser, IncrementalParser, Core, ...) whose
//   body only declares functions, classes and variables and assigns to N2. Rewritten to
//   `var N = /* @__PURE__ */ ((N2) => { ...; return N2; })({})`; a body that does anything else is left alone.
// - `registerCodeFix({...})` and `registerRefactor(name, {...})`: they fill the language service's registries of
//   quick fixes and refactorings, which only the language service reads. Marked pure; the build then checks
//   that no reader of those registries is in the bundle (assertParserOnly), so a server that came to use
//   them would fail the build instead of finding them empty.
// - `var _C = class ... {}; _C.x = value;`: esbuild's form of a class's static fields; the assignments move
//   into the class's initialiser, marked pure, so an unused class goes with its statics.
// - `Diagnostics` (the message table) is split into one variable per message (splitDiagnostics), and the
//   services' object allocator keeps only its node classes (nodeAllocator).
// - The nodes leave out the empty fields only the binder, checker and emitter fill (lean-nodes.mjs).
// - Everything else (Debug's logging host, the scanner's Unicode tables, the settings read from `sys` at load:
//   NODE_ENV=development turns TypeScript's assertions on, as before) stays as it is.
const REGISTRATIONS = new Set(['registerCodeFix', 'registerRefactor']);
const REGISTRY_READERS = ['errorCodeToFixes', 'refactors'];

/**
 * TypeScript's source as an ES module exporting its public names; throws if typescript.js has another shape.
 * `leanNodes: false` keeps every field of the nodes (the benchmark's before).
 */
export function typescriptModuleSource(source, { leanNodes: lean = true } = {}) {
  const start = source.indexOf(OPENING);
  const end = source.lastIndexOf(CLOSING);
  if (start < 0 || end < start) throw new Error('typescript.js is not the single closure this build expects');
  let body = source.slice(start + OPENING.length, end);

  const publicNames = PUBLIC.exec(body);
  if (!publicNames) throw new Error('typescript.js: the list of public names (typescript_exports) was not found');
  const exported = [];
  for (const line of publicNames[1].split('\n')) {
    const entry = /^ {2}(\w+): \(\) => (\w+),?$/.exec(line);
    if (!entry) throw new Error(`typescript.js: unexpected entry in the list of public names: ${line.trim()}`);
    exported.push(entry[1] === entry[2] ? entry[1] : `${entry[2]} as ${entry[1]}`);
  }
  body = replaceOnce(body, publicNames[0], '\n', 'the list of public names');
  body = replaceOnce(body, TO_COMMONJS, '\n', 'module.exports = __toCommonJS(...)');
  const annotation = ANNOTATION.exec(body);
  if (!annotation) throw new Error('typescript.js: the CommonJS export annotation was not found');
  body = replaceOnce(body, annotation[0], '\n', 'the CommonJS export annotation');

  let namespaces = 0;
  body = body.replace(NAMESPACE, (_, name) => {
    namespaces++;
    return `\nvar ${name} = /* @__PURE__ */ __exportNamespace({\n`;
  });
  if (namespaces === 0) throw new Error('typescript.js: no internal namespace (var ts_..._exports) was found');
  body = markPure(splitDiagnostics(lean ? leanNodes(body) : body));

  const helper = 'var __exportNamespace = (all) => { const target = {}; __export(target, all); return target; };\n';
  return `${helper}${body}\nexport {\n  ${exported.join(',\n  ')}\n};\n`;
}

/**
 * `Diagnostics`, TypeScript's table of its ~3,000 messages (half a megabyte of source), as one variable per
 * message: `Diagnostics.X` becomes `__diagnostic_X`, so the bundle keeps the messages its code names (the
 * parser's few hundred). The table is still there, built from those variables, for code that reads it as a
 * whole (`Diagnostics[key]`), and only then.
 */
function splitDiagnostics(body) {
  const file = ts.createSourceFile('typescript.js', body, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const table = file.statements.find(s => ts.isVariableStatement(s) && s.declarationList.declarations[0].name.getText(file) === 'Diagnostics');
  const literal = table?.declarationList.declarations[0].initializer;
  if (!literal || !ts.isObjectLiteralExpression(literal)) throw new Error('typescript.js: the Diagnostics table was not found in the expected form');
  if (body.includes(DIAGNOSTIC_PREFIX)) throw new Error(`typescript.js already uses names starting with ${DIAGNOSTIC_PREFIX}`);
  const keys = new Set();
  const variables = [];
  for (const property of literal.properties) {
    if (!ts.isPropertyAssignment(property) || !ts.isIdentifier(property.name) || !ts.isCallExpression(property.initializer) || property.initializer.expression.getText(file) !== 'diag') {
      throw new Error(`typescript.js: unexpected entry in the Diagnostics table: ${property.getText(file).slice(0, 80)}`);
    }
    keys.add(property.name.text);
    variables.push(`var ${DIAGNOSTIC_PREFIX}${property.name.text} = /* @__PURE__ */ ${property.initializer.getText(file)};`);
  }
  const edits = [];
  const visit = node => {
    if (ts.isIdentifier(node) && node.text === 'Diagnostics' && node !== table.declarationList.declarations[0].name && isDeclarationName(node)) {
      throw new Error('typescript.js declares another Diagnostics: its uses cannot be told apart from the table\'s');
    }
    if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'Diagnostics' && keys.has(node.name.text)) {
      edits.push({ start: node.getStart(file), end: node.end, text: `${DIAGNOSTIC_PREFIX}${node.name.text}` });
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  const rebuilt = `var Diagnostics = /* @__PURE__ */ (() => ({\n${[...keys].map(k => `  ${k}: ${DIAGNOSTIC_PREFIX}${k}`).join(',\n')}\n}))();`;
  edits.push({ start: table.getStart(file), end: table.end, text: `${variables.join('\n')}\n${rebuilt}` });
  return applyEdits(body, edits);
}
const DIAGNOSTIC_PREFIX = '__diagnostic_';

function isDeclarationName(identifier) {
  const parent = identifier.parent;
  return (ts.isVariableDeclaration(parent) || ts.isParameter(parent) || ts.isFunctionDeclaration(parent) || ts.isClassDeclaration(parent) ||
    ts.isBindingElement(parent) || ts.isFunctionExpression(parent) || ts.isClassExpression(parent)) && parent.name === identifier;
}

/** Applies non-overlapping replacements `{ start, end, text }`. */
function applyEdits(text, edits) {
  edits.sort((a, b) => a.start - b.start);
  const pieces = [];
  let at = 0;
  for (const edit of edits) {
    if (edit.start < at) throw new Error('parser-only TypeScript: overlapping edits');
    pieces.push(text.slice(at, edit.start), edit.text);
    at = edit.end;
  }
  pieces.push(text.slice(at));
  return pieces.join('');
}

/** The top-level statements described above, marked pure; returns the edited source. */
function markPure(body) {
  const file = ts.createSourceFile('typescript.js', body, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const edits = [];
  const declaredOnly = new Map();
  const namespaceCalls = new Map();
  const statements = file.statements;
  for (let i = 0; i < statements.length; i++) {
    const statement = statements[i];
    const statics = classStatics(statements, i);
    if (statics) {
      // `var _C = class ... {}; _C.a = ...; _C.b = ...;`: the statics go into the class's initialiser.
      const declaration = statement.declarationList.declarations[0];
      const name = declaration.name.text;
      const assignments = statics.map(s => s.getText(file)).join(' ');
      edits.push({
        start: declaration.initializer.getStart(file),
        end: declaration.initializer.end,
        text: `/* @__PURE__ */ (() => { const ${name} = ${declaration.initializer.getText(file)}; ${assignments} return ${name}; })()`,
      });
      for (const assignment of statics) edits.push({ start: assignment.getStart(file), end: assignment.end, text: '' });
      i += statics.length;
      continue;
    }
    if (ts.isVariableStatement(statement) && statement.declarationList.declarations.length === 1) {
      const [declaration] = statement.declarationList.declarations;
      if (!ts.isIdentifier(declaration.name)) continue;
      if (!declaration.initializer) declaredOnly.set(declaration.name.text, statement);
      else if (needsPureMark(declaration.initializer, body)) {
        edits.push({ start: declaration.initializer.getStart(file), end: declaration.initializer.end, wrap: true });
      }
    } else if (ts.isExpressionStatement(statement) && ts.isCallExpression(statement.expression)) {
      const call = statement.expression;
      const name = namespaceName(call);
      if (name) namespaceCalls.set(name, namespaceCalls.has(name) ? null : statement);
      else if (ts.isIdentifier(call.expression) && REGISTRATIONS.has(call.expression.text)) {
        edits.push({ start: call.getStart(file), end: call.end, wrap: true });
      }
    }
  }
  for (const [name, statement] of namespaceCalls) {
    const declaration = declaredOnly.get(name);
    if (!statement || !declaration) continue;
    const call = statement.expression;
    const arrow = call.expression.expression;
    if (!arrow.body.statements.every(s => onlyDeclares(s, arrow.parameters[0].name.text))) continue;
    edits.push({ start: declaration.getStart(file), end: declaration.end, text: '' });
    const bodyText = body.slice(arrow.body.getStart(file) + 1, arrow.body.end - 1);
    const parameter = arrow.parameters[0].name.text;
    edits.push({ start: statement.getStart(file), end: statement.end, text: `var ${name} = /* @__PURE__ */ ((${parameter}) => {${bodyText}  return ${parameter};\n})({});` });
  }
  edits.push(nodeAllocator(file, body));
  if (!edits.some(e => e.text?.startsWith('var Parser ='))) throw new Error('typescript.js: the Parser namespace was not found in the expected form');
  for (const edit of edits) if (edit.wrap) edit.text = `/* @__PURE__ */ (() => (${body.slice(edit.start, edit.end)}))()`;
  return applyEdits(body, edits);
}

/**
 * The language service's object allocator for what the parser allocates only. typescript.js installs it when
 * it loads (`setObjectAllocator(getServicesObjectAllocator())`): nodes with the methods the core calls
 * (`getStart`, `getText`, `getSourceFile`), and also the symbols, types and signatures of the binder and the
 * checker, whose methods reach the documentation, completion and formatting code. Those four constructors are
 * left at the compiler's; the build checks that nothing in the bundle allocates one (assertParserOnly).
 */
function nodeAllocator(file, body) {
  const statement = file.statements.find(s => ts.isExpressionStatement(s) && s.expression.getText(file) === 'setObjectAllocator(getServicesObjectAllocator())');
  const factory = file.statements.find(s => ts.isFunctionDeclaration(s) && s.name?.text === 'getServicesObjectAllocator');
  const returned = factory?.body?.statements[0];
  if (!statement || !returned || !ts.isReturnStatement(returned) || !returned.expression || !ts.isObjectLiteralExpression(returned.expression)) {
    throw new Error('typescript.js: the services object allocator was not found in the expected form');
  }
  const names = returned.expression.properties.map(p => p.name.getText(file));
  const unexpected = names.filter(n => !NODE_CONSTRUCTORS.includes(n) && !OTHER_CONSTRUCTORS.includes(n));
  const missing = NODE_CONSTRUCTORS.filter(n => !names.includes(n));
  if (unexpected.length > 0 || missing.length > 0) {
    throw new Error(`typescript.js: the services object allocator has other constructors than expected (${[...unexpected, ...missing].join(', ')})`);
  }
  const kept = returned.expression.properties.filter(p => NODE_CONSTRUCTORS.includes(p.name.getText(file))).map(p => p.getText(file));
  return { start: statement.getStart(file), end: statement.end, text: `setObjectAllocator({ ${kept.join(', ')} });` };
}
const NODE_CONSTRUCTORS = ['getNodeConstructor', 'getTokenConstructor', 'getIdentifierConstructor', 'getPrivateIdentifierConstructor', 'getSourceFileConstructor'];
const OTHER_CONSTRUCTORS = ['getSymbolConstructor', 'getTypeConstructor', 'getSignatureConstructor', 'getSourceMapSourceConstructor'];

/**
 * The statements right after `var _C = class ...` that set statics of `_C` (`_C.name = value`, esbuild's form
 * of static fields), if there are any.
 */
function classStatics(statements, index) {
  const statement = statements[index];
  if (!ts.isVariableStatement(statement) || statement.declarationList.declarations.length !== 1) return undefined;
  const [declaration] = statement.declarationList.declarations;
  if (!ts.isIdentifier(declaration.name) || !declaration.initializer || !ts.isClassExpression(declaration.initializer)) return undefined;
  const statics = [];
  for (let i = index + 1; i < statements.length; i++) {
    const next = statements[i];
    if (!ts.isExpressionStatement(next) || !ts.isBinaryExpression(next.expression) || next.expression.operatorToken.kind !== ts.SyntaxKind.EqualsToken) break;
    const target = next.expression.left;
    if (!ts.isPropertyAccessExpression(target) || !ts.isIdentifier(target.expression) || target.expression.text !== declaration.name.text) break;
    statics.push(next);
  }
  return statics.length > 0 ? statics : undefined;
}

/** `N` of `((N2) => { ... })(N || (N = {}))`, else undefined. */
function namespaceName(call) {
  const callee = call.expression;
  if (!ts.isParenthesizedExpression(callee) || !ts.isArrowFunction(callee.expression) || !ts.isBlock(callee.expression.body)) return undefined;
  if (callee.expression.parameters.length !== 1 || !ts.isIdentifier(callee.expression.parameters[0].name) || call.arguments.length !== 1) return undefined;
  const argument = call.arguments[0];
  if (!ts.isBinaryExpression(argument) || argument.operatorToken.kind !== ts.SyntaxKind.BarBarToken || !ts.isIdentifier(argument.left)) return undefined;
  const right = argument.right;
  if (!ts.isParenthesizedExpression(right) || !ts.isBinaryExpression(right.expression)) return undefined;
  const assignment = right.expression;
  if (assignment.operatorToken.kind !== ts.SyntaxKind.EqualsToken || !ts.isIdentifier(assignment.left) || assignment.left.text !== argument.left.text) return undefined;
  if (!ts.isObjectLiteralExpression(assignment.right) || assignment.right.properties.length > 0) return undefined;
  return argument.left.text;
}

/** A statement of a namespace's body that declares, or assigns to the namespace object `self`. */
function onlyDeclares(statement, self) {
  if (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isVariableStatement(statement)) return true;
  if (!ts.isExpressionStatement(statement)) return false;
  const expression = statement.expression;
  if (ts.isBinaryExpression(expression) && expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    const target = expression.left;
    return (ts.isPropertyAccessExpression(target) || ts.isElementAccessExpression(target)) && ts.isIdentifier(target.expression) && target.expression.text === self;
  }
  // A nested enum or namespace, itself only declaring: `((E2) => { ... })(E || (E = {}))`, or
  // `(e = N2.E || (N2.E = {}))`.
  if (!ts.isCallExpression(expression) || expression.arguments.length !== 1) return false;
  const callee = expression.expression;
  if (!ts.isParenthesizedExpression(callee) || !ts.isArrowFunction(callee.expression) || !ts.isBlock(callee.expression.body)) return false;
  const inner = callee.expression.parameters[0]?.name;
  if (!inner || !ts.isIdentifier(inner) || !NESTED_ARGUMENT.test(expression.arguments[0].getText())) return false;
  return callee.expression.body.statements.every(s => onlyDeclares(s, inner.text));
}
const NESTED_ARGUMENT = /^(?:\w+ = )?[\w.]+ \|\| \([\w.]+ = \{\}\)$/;

/** Whether esbuild would keep this initialiser for its own sake: anything but literals, functions and names. */
function needsPureMark(initializer, body) {
  if (/^\/\* @__PURE__ \*\//.test(body.slice(initializer.pos).trimStart())) return false;
  switch (initializer.kind) {
    case ts.SyntaxKind.StringLiteral:
    case ts.SyntaxKind.NumericLiteral:
    case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
    case ts.SyntaxKind.RegularExpressionLiteral:
    case ts.SyntaxKind.TrueKeyword:
    case ts.SyntaxKind.FalseKeyword:
    case ts.SyntaxKind.Identifier:
    case ts.SyntaxKind.ArrowFunction:
    case ts.SyntaxKind.FunctionExpression:
    case ts.SyntaxKind.ClassExpression:
      return false;
    default:
      return true;
  }
}

/**
 * Throws if the bundle (`text`, built without minification) reaches what the parser-only module changed: a test
 * of whether a node has one of the fields lean nodes leave out, the registries of quick fixes and refactorings,
 * whose registrations were dropped, or an allocation of a symbol, type, signature or source-map source, whose
 * constructors are the compiler's instead of the services'.
 */
export function assertParserOnly(text) {
  assertNoPresenceTests(text);
  for (const name of REGISTRY_READERS) {
    if (new RegExp(`\\b${name}\\b`).test(text)) {
      throw new Error(`the server bundle reaches TypeScript's ${name}, whose registrations the parser-only TypeScript drops (scripts/lib/parser-only-typescript.mjs)`);
    }
  }
  for (const name of OTHER_CONSTRUCTORS) {
    // Debug.enableDebugInfo's `getSymbolConstructor().prototype` (display names for a debugger) allocates nothing.
    if (new RegExp(`\\.${name}\\(\\)(?!\\.prototype\\b)`).test(text)) {
      throw new Error(`the server bundle reaches TypeScript's ${name}(), which the parser-only TypeScript leaves at the compiler's (scripts/lib/parser-only-typescript.mjs)`);
    }
  }
}

function replaceOnce(text, from, to, what) {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + from.length) >= 0) throw new Error(`typescript.js: expected exactly one ${what}`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

// The core as tsc compiles it is CommonJS (`require("typescript")`), whose use esbuild cannot follow name by
// name; its TypeScript sources are ES modules. Bundled from them, the files written with
// `import ts = require('typescript')` (which keeps `require` in the published CommonJS, so the CLI does not copy
// TypeScript's exports per file) are read as the equivalent `import * as ts from 'typescript'`.
const CORE_OUT = /[\\/]packages[\\/]core[\\/]out[\\/]src[\\/](.*)\.js$/;
const IMPORT_EQUALS = /^import ts = require\('typescript'\);$/gm;

/** esbuild plugin: the core of the bundle comes from its TypeScript sources, importing TypeScript as an ES module. */
export function coreFromSources() {
  return {
    name: 'core-from-sources',
    setup(build) {
      build.onResolve({ filter: /^@omnichannel-tools\/core(\/.*)?$/ }, async args => {
        if (args.pluginData === 'core-from-sources') return undefined;
        const resolved = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: 'core-from-sources' });
        if (resolved.errors.length > 0) return { errors: resolved.errors };
        const compiled = CORE_OUT.exec(resolved.path);
        if (!compiled) throw new Error(`${args.path} resolved to ${resolved.path}, not to the core's compiled output`);
        return { path: resolved.path.slice(0, compiled.index) + `/packages/core/src/${compiled[1]}.ts` };
      });
      build.onLoad({ filter: /[\\/]packages[\\/]core[\\/]src[\\/].*\.ts$/ }, args => ({
        contents: readFileSync(args.path, 'utf8').replace(IMPORT_EQUALS, "import * as ts from 'typescript';"),
        loader: 'ts',
      }));
    },
  };
}

/**
 * The module for the installed typescript.js, made once (it takes TypeScript's own parser seconds to read
 * typescript.js) and kept under node_modules/.cache, keyed by typescript.js, this file and lean-nodes.mjs.
 */
function cachedModuleSource(file, options) {
  const source = readFileSync(file, 'utf8');
  const key = createHash('sha256').update(source).update(readFileSync(fileURLToPath(import.meta.url)))
    .update(readFileSync(fileURLToPath(new URL('./lean-nodes.mjs', import.meta.url)))).digest('hex').slice(0, 20);
  // node_modules/.cache, next to the typescript package; one folder per variant, holding its latest module.
  const folder = path.join(path.dirname(require.resolve('typescript/package.json')), '..', '.cache', 'parser-only-typescript', options.leanNodes ? 'lean' : 'full');
  const cache = path.join(folder, `${key}.js`);
  try {
    return readFileSync(cache, 'utf8');
  } catch {
    const made = typescriptModuleSource(source, options);
    mkdirSync(folder, { recursive: true });
    for (const old of readdirSync(folder)) rmSync(path.join(folder, old), { force: true, recursive: true });
    const temp = `${cache}.${process.pid}.tmp`;
    writeFileSync(temp, made);
    renameSync(temp, cache);
    return made;
  }
}

/**
 * esbuild plugin: `typescript` imported by the bundle resolves to the module above. The files that import it
 * must do so as ES modules (`import * as ts`), so esbuild sees which names they use; a CommonJS `require`
 * would keep every name.
 */
export function parserOnlyTypescript({ leanNodes = true } = {}) {
  return {
    name: 'parser-only-typescript',
    setup(build) {
      const file = require.resolve('typescript');
      build.onResolve({ filter: /^typescript$/ }, () => ({ path: file, namespace: 'parser-only-typescript' }));
      build.onLoad({ filter: /.*/, namespace: 'parser-only-typescript' }, () => ({
        contents: cachedModuleSource(file, { leanNodes }),
        loader: 'js',
        resolveDir: file.replace(/[\\/][^\\/]*$/, ''),
      }));
    },
  };
}

/**
 * What the server bundle's build adds: the core from its sources, the parser-only TypeScript, and an error
 * (not esbuild's warning) for a TypeScript name the bundle uses that the module does not export, so a name
 * missing at run time fails the build instead. `leanNodes: false` keeps every field of the nodes (the benchmark's
 * before).
 */
export function parserOnlyBuildOptions({ leanNodes = true } = {}) {
  return { plugins: [coreFromSources(), parserOnlyTypescript({ leanNodes })], logOverride: { 'import-is-undefined': 'error' } };
}

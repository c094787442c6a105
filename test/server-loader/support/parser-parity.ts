/**
 * Run as a child process by parser-only-typescript.test.ts: parses one corpus with the server bundle's
 * document (its TypeScript is the parser-only module made at build time) and with the core as compiled (the
 * installed TypeScript), applies the same incremental edits to both, and prints, as the last line of its
 * output, what it compared and the first differences.
 */
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { OmnichannelDocument } from '@omnichannel-tools/core';
import { pick, seeded } from '@omnichannel-tools/core/test-support/prng';
import * as ts from 'typescript';
import { generateWebResource } from '../../../bench/generate';

interface Result {
  files: number;
  edits: number;
  nodes: number;
  diagnostics: number;
  differences: string[];
}

const root = path.resolve(__dirname, '../../../..');
// With --verify-snapshot the bundle analyses a small form script, prints `ok` and returns, instead of
// starting a language server on this process's streams.
process.argv.push('--verify-snapshot');
const bundled = require(path.join(root, 'dist/server.js')) as { OmnichannelDocument?: typeof OmnichannelDocument };
const Bundled = bundled.OmnichannelDocument;
if (!Bundled) throw new Error('dist/server.js does not export OmnichannelDocument');

const JSX = `import * as React from "react";
export function Panel({ id }) {
  const [state, setState] = React.useState(null);
  return <div className="panel" onClick={() => Microsoft.Omnichannel.linkToConversation("incident", id)}>
    {state ? <span>{state.title}</span> : <></>}
    <Child {...{ id }} key={id} data-x="1" />
  </div>;
}`;
const TSX = `import type { FC } from "react";
enum Kind { Case = 1, Lead }
export const Link: FC<{ id: string; kind?: Kind }> = ({ id, kind = Kind.Case }) => (
  <button onClick={async (): Promise<void> => { await Microsoft.Omnichannel.linkToConversation(kind === Kind.Case ? "incident" : "lead", id!); }}>
    link {id as string}
  </button>
);
abstract class Base<T extends object = {}> implements I { protected abstract run(): void; declare x: T; accessor y = 1; }
namespace N.M { export declare function f<const T>(x: T): asserts x is NonNullable<T>; }
type U = { [K in keyof T as \`on\${K & string}\`]?: T[K] } satisfies object;`;

function sources(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter(entry => entry.isFile() && pattern.test(entry.name))
    .map(entry => path.join(entry.parentPath, entry.name))
    .sort();
}

/** Every file of the corpus, by name (the extension decides TS, TSX, JS or JSX). */
function corpus(): [string, string][] {
  const files: [string, string][] = [];
  for (const file of sources(path.join(root, 'samples/webresources'), /\.(js|ts)$/)) files.push([path.basename(file), readFileSync(file, 'utf8')]);
  for (const lines of [1_000, 3_000]) files.push([`generated-${lines}.js`, generateWebResource(lines)]);
  for (const file of sources(path.join(root, 'packages/core/src'), /\.ts$/)) files.push([path.relative(root, file), readFileSync(file, 'utf8')]);
  for (const file of sources(path.join(root, 'test/server-loader'), /\.ts$/)) files.push([path.relative(root, file), readFileSync(file, 'utf8')]);
  files.push(['lib.es5.d.ts', readFileSync(require.resolve('typescript/lib/lib.es5.d.ts'), 'utf8')]);
  files.push(['panel.jsx', JSX], ['link.tsx', TSX], ['empty.js', '']);
  // Syntax errors: each of these cut short at seeded points, or with a stray token let in.
  const rand = seeded(17);
  const broken: [string, string][] = [];
  for (const [name, text] of files.slice(0, 12)) {
    for (let i = 0; i < 3; i++) {
      const at = Math.floor(rand() * text.length);
      broken.push([`cut-${i}-${name}`, text.slice(0, at)]);
      broken.push([`stray-${i}-${name}`, text.slice(0, at) + pick(rand, ['(', '{', '</', '<div', '`${', '"', '/*', ')', '=>', '?.', '@', '#']) + text.slice(at)]);
    }
  }
  return [...files, ...broken];
}

type Tree = { sourceFile: ts.SourceFile };

/** The tree as lines, in the order forEachChild reaches the nodes: kind, span, flags, text, node methods. */
function shape(file: ts.SourceFile, out: string[]): void {
  const visit = (node: ts.Node): void => {
    const named = node as { escapedText?: string; text?: unknown };
    const text = named.escapedText ?? (typeof named.text === 'string' && !ts.isSourceFile(node) ? named.text : '');
    const methods = typeof node.getStart === 'function' && typeof node.getText === 'function' && typeof node.getSourceFile === 'function';
    out.push(`${ts.SyntaxKind[node.kind]} ${node.pos}-${node.end} flags ${node.flags} transform ${(node as { transformFlags?: number }).transformFlags} ${JSON.stringify(text)}${methods ? '' : ' no node methods'}`);
    ts.forEachChild(node, visit);
  };
  const f = file as ts.SourceFile & { identifierCount: number; nodeCount: number; scriptKind: ts.ScriptKind };
  out.push(`file ${f.languageVariant} ${f.scriptKind} ${f.isDeclarationFile} ${f.identifierCount} ${f.nodeCount} ${f.end}`);
  visit(file);
}

function diagnostics(file: ts.SourceFile): string[] {
  const parse = (file as unknown as { parseDiagnostics: readonly ts.Diagnostic[] }).parseDiagnostics;
  return parse.map(d => `${d.start} ${d.length} ${d.code} ${d.category} ${JSON.stringify(d.messageText)}`);
}

function compare(label: string, ours: Tree, theirs: Tree, result: Result): void {
  const a: string[] = [];
  const b: string[] = [];
  shape(ours.sourceFile, a);
  shape(theirs.sourceFile, b);
  result.nodes += b.length;
  const at = a.findIndex((line, i) => line !== b[i]);
  if (at >= 0 || a.length !== b.length) {
    const i = at >= 0 ? at : Math.min(a.length, b.length);
    result.differences.push(`${label}: node ${i}: bundle "${a[i]}", installed TypeScript "${b[i]}"`);
  }
  const da = diagnostics(ours.sourceFile);
  const db = diagnostics(theirs.sourceFile);
  result.diagnostics += db.length;
  if (JSON.stringify(da) !== JSON.stringify(db)) result.differences.push(`${label}: parse diagnostics ${JSON.stringify(da.slice(0, 3))} against ${JSON.stringify(db.slice(0, 3))}`);
}

function main(): void {
  const result: Result = { files: 0, edits: 0, nodes: 0, diagnostics: 0, differences: [] };
  const rand = seeded(29);
  const inserts = ['Microsoft.Omnichannel.', '\n', '(', ')', '{', '}', '<div>', '</div>', 'x', '.then(f)', '"', '`', '/*', '*/', ''];
  for (const [name, text] of corpus()) {
    const ours = new Bundled!(name, text);
    const theirs = new OmnichannelDocument(name, text);
    compare(name, ours, theirs, result);
    result.files++;
    // Incremental edits on the first files and the generated ones: typing, deleting, pasting.
    if (result.files <= 8 || name.startsWith('generated') || /\.(jsx|tsx)$/.test(name)) {
      for (let step = 0; step < 16; step++) {
        const start = Math.floor(rand() * ours.text.length);
        const end = Math.min(ours.text.length, start + Math.floor(rand() * 12));
        const change = { start, end, newText: pick(rand, inserts) };
        ours.update([change]);
        theirs.update([change]);
        compare(`${name} after edit ${step}`, ours, theirs, result);
        result.edits++;
      }
    }
  }
  result.differences = result.differences.slice(0, 10);
  process.stdout.write(`\n${JSON.stringify(result)}\n`);
}

main();

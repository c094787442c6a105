/**
 * The server bundle's TypeScript is a parser-only module made at build time from the installed
 * typescript.js (scripts/lib/parser-only-typescript.mjs). These tests hold what the bundle parses to what the
 * installed TypeScript parses, node for node, and check what the trimming was for.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(__dirname, '../../..');
const bundle = path.join(root, 'dist/server.js');

describe('the server bundle\'s parser-only TypeScript', () => {
  it('parses the corpus to the trees and parse diagnostics of the installed TypeScript, also after incremental edits', function () {
    this.timeout(300_000);
    const child = spawnSync(process.execPath, [path.join(__dirname, 'support/parser-parity.js')], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    assert.equal(child.status, 0, child.stderr);
    const lines = child.stdout.trim().split('\n');
    assert.equal(lines[0], 'ok', 'the bundle, loaded, verifies as its snapshot builder does');
    const result = JSON.parse(lines.at(-1)!) as { files: number; edits: number; nodes: number; diagnostics: number; differences: string[] };
    assert.deepEqual(result.differences, []);
    // What was compared: samples, generated form scripts, the core's sources, lib.es5.d.ts, JSX and TSX,
    // files cut short or with a stray token, and their edits.
    assert.ok(result.files >= 100, `${result.files} files compared`);
    assert.ok(result.edits >= 150, `${result.edits} edits compared`);
    assert.ok(result.nodes >= 200_000, `${result.nodes} nodes compared`);
    assert.ok(result.diagnostics >= 50, `${result.diagnostics} parse diagnostics compared`);
  });

  it('leaves out the checker, the emitter and the language service', () => {
    // Kept as text in any build, minified or not: TypeScript's messages. The parser reports
    // "'{0}' expected."; only the checker reports "Cannot find name '{0}'.", and only the language service
    // names its refactorings.
    const text = readFileSync(bundle, 'utf8');
    assert.ok(text.includes("'{0}' expected."), 'the parser\'s messages are in the bundle');
    for (const message of ["Cannot find name '{0}'.", 'Convert to template string', 'Emit Skipped']) {
      assert.ok(!text.includes(message), `the bundle holds "${message}"`);
    }
    assert.ok(statSync(bundle).size < 2_600_000, `dist/server.js is ${statSync(bundle).size} bytes`);
  });

  it('fails the build, naming the name, when the server uses a TypeScript name the parser-only module lacks', async function () {
    this.timeout(120_000);
    const dir = mkdtempSync(path.join(tmpdir(), 'omnichannel-ts-parser-'));
    try {
      const entry = path.join(dir, 'entry.ts');
      writeFileSync(entry, "import * as ts from 'typescript';\nexport const parse = ts.createSourceFile;\nexport const check = (ts as any).notInTypeScript;\n");
      const esbuild = await import('esbuild');
      const { parserOnlyBuildOptions } = await import(pathToFileURL(path.join(root, 'scripts/lib/parser-only-typescript.mjs')).href) as { parserOnlyBuildOptions(): object };
      const build = esbuild.build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', write: false, logLevel: 'silent', absWorkingDir: root, ...parserOnlyBuildOptions() });
      await assert.rejects(build, (error: { errors?: { text: string }[] }) => {
        assert.match(error.errors?.map(e => e.text).join('\n') ?? '', /Import "notInTypeScript" will always be undefined/);
        return true;
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives its nodes only the fields a parse fills, with the same findings as the installed TypeScript', async () => {
    const { LEAN_FIELDS } = await import(pathToFileURL(path.join(root, 'scripts/lib/lean-nodes.mjs')).href) as { LEAN_FIELDS: Map<string, string> };
    process.argv.push('--verify-snapshot');
    const { OmnichannelDocument: Bundled } = require(bundle) as { OmnichannelDocument: typeof import('@omnichannel-tools/core').OmnichannelDocument };
    const { OmnichannelDocument, analyze, DEFAULT_SETTINGS } = await import('@omnichannel-tools/core');
    const text = readFileSync(path.join(root, 'samples/webresources/case-form.js'), 'utf8')
      + '\n/** Links it. */\nfunction documented() { Microsoft.Omnichannel.linkToConversation("acount", "not-a-guid"); return this.x; }\n';
    const sourceFile = new Bundled('case-form.js', text).sourceFile;
    const present = new Set<string>();
    let nodes = 0;
    const visit = (node: object): void => {
      nodes++;
      for (const key of Object.keys(node)) if (LEAN_FIELDS.has(key)) present.add(key);
      (node as { forEachChild(f: (n: object) => void): void }).forEachChild(visit);
    };
    visit(sourceFile);
    assert.ok(nodes > 100, `${nodes} nodes`);
    // None, not even on the documented function: the core parses without JSDoc.
    assert.deepEqual([...present], []);
    // The installed TypeScript gives every node all of them, which is what the bundle saves.
    assert.ok(Object.keys(new OmnichannelDocument('a.js', 'f();').sourceFile.statements[0]!).includes('flowNode'));
    // The analysis reads no field the lean nodes leave out: the bundle's findings are the installed TypeScript's.
    const ours = analyze(new (Bundled as typeof OmnichannelDocument)('case-form.js', text), DEFAULT_SETTINGS);
    const theirs = analyze(new OmnichannelDocument('case-form.js', text), DEFAULT_SETTINGS);
    assert.ok(theirs.findings.length >= 2, 'the sample has findings');
    assert.deepEqual(JSON.parse(JSON.stringify(ours.findings)), JSON.parse(JSON.stringify(theirs.findings)));
  });

  it('fails the build, saying what it expected, when typescript.js has no node constructors to make lean', async () => {
    const { leanNodes, assertNoPresenceTests } = await import(pathToFileURL(path.join(root, 'scripts/lib/lean-nodes.mjs')).href) as { leanNodes(body: string): string; assertNoPresenceTests(text: string): void };
    assert.throws(() => leanNodes('function Node(kind, pos, end) { this.kind = kind; }'), /typescript\.js: expected the node constructors .*found 0 constructors, 0 assignments/);
    assert.throws(() => assertNoPresenceTests('if ("symbol" in node) use(node.symbol);'), /tests whether a node has "symbol"/);
    assert.doesNotThrow(() => assertNoPresenceTests('typeof x === "symbol"; node.symbol;'));
  });

  it('gives the core TypeScript\'s functions directly, with no copy of its exports per importing file', () => {
    // The preload counts the getters defined for createSourceFile while the bundle loads and analyses a
    // form script: TypeScript's own module object no longer exists, and no file copies its exports.
    const dir = mkdtempSync(path.join(tmpdir(), 'omnichannel-ts-parser-'));
    try {
      const preload = path.join(dir, 'count.js');
      writeFileSync(preload, [
        'const define = Object.defineProperty; let getters = 0;',
        "Object.defineProperty = function (o, k, d) { if (k === 'createSourceFile' && d && d.get) getters++; return define.call(this, o, k, d); };",
        "process.on('exit', () => process.stderr.write(`getters ${getters}\\n`));",
      ].join('\n'));
      const run = spawnSync(process.execPath, ['-r', preload, bundle, '--verify-snapshot'], { encoding: 'utf8' });
      assert.equal(run.stdout.trim(), 'ok', run.stderr);
      assert.equal(Number(/getters (\d+)/.exec(run.stderr)?.[1]), 0, 'TypeScript\'s exports are copied into getters again');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

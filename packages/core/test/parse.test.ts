/**
 * The document's own parse (no JSDoc, parents set by our pass instead of the parser's) gives the tree the
 * parser gives with `setParentNodes`: the same nodes, each with the same parent, after fresh parses and
 * after incremental edits.
 */
import * as assert from 'node:assert/strict';
import * as ts from 'typescript';
import { OmnichannelDocument, parseSource, scriptKindOf } from '../src';
import { CORPUS } from './support/corpus';
import { pick, seeded } from './support/prng';

const JSDOC_AND_FRIENDS = `/** @typedef {{ id: string }} Record */
/**
 * Links a record.
 * @param {string} entity the table
 * @returns {Promise<void>}
 */
async function link(entity, /** @type {string} */ id) {
  const oc = /** @type {any} */ (window.parent).Microsoft.Omnichannel;
  class A { #x = 1; get y() { return this.#x; } static { oc.linkToConversation(entity, id); } }
  label: for (const [k, { v = 2 }] of Object.entries({})) { if (k) continue label; }
  return oc?.linkToConversation?.(\`\${entity}\`, id).catch(() => undefined);
}`;
const TYPED = `enum E { A = 1 }
namespace N { export const x: number = 1; }
export default class C<T extends object> implements I { constructor(private readonly oc: T) {} m = (a?: string): void => {}; }
const el = <div onClick={() => Microsoft.Omnichannel.linkToConversation("incident", id)}>{x as any}</div>;`;

/** Every node below the root with its parent, in the order `forEachChild` reaches them. */
function shape(file: ts.SourceFile): string[] {
  const out: string[] = [];
  const ids = new Map<ts.Node, number>([[file, 0]]);
  const visit = (node: ts.Node): void => {
    ids.set(node, ids.size);
    const parent = node.parent === undefined ? 'none' : ids.get(node.parent) ?? 'outside';
    out.push(`${ts.SyntaxKind[node.kind]} ${node.pos}-${node.end} parent ${parent}`);
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(file, visit);
  return out;
}

function findRoot(node: ts.Node): ts.Node {
  let n = node;
  while (n.parent) n = n.parent;
  return n;
}

function syntaxErrors(file: ts.SourceFile): string[] {
  return (file as unknown as { parseDiagnostics: readonly ts.Diagnostic[] }).parseDiagnostics.map(d => `${d.start} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
}

function reference(fileName: string, text: string): ts.SourceFile {
  return ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, scriptKindOf(fileName));
}

describe('parseSource', () => {
  it('gives the nodes and parents the parser gives with setParentNodes, without JSDoc', () => {
    const texts: [string, string][] = [
      ...CORPUS.map((text, i): [string, string] => [`c${i}.js`, text]),
      ...CORPUS.map((text, i): [string, string] => [`c${i}.ts`, text]),
      ['doc.js', JSDOC_AND_FRIENDS], ['typed.tsx', TYPED], ['broken.js', 'function (( { Microsoft.Omnichannel.'], ['empty.js', ''],
    ];
    for (const [fileName, text] of texts) {
      const ours = parseSource(fileName, text);
      const theirs = reference(fileName, text);
      assert.deepEqual(shape(ours), shape(theirs), fileName);
      assert.ok(shape(ours).every(line => !line.endsWith('parent none') && !line.endsWith('parent outside')), fileName);
      assert.deepEqual(syntaxErrors(ours), syntaxErrors(theirs), fileName);
    }
    // What JSDoc would have cost is not in the tree: no rule reads it.
    const withDoc = reference('doc.js', JSDOC_AND_FRIENDS).statements[0] as { jsDoc?: unknown[] };
    assert.ok((withDoc.jsDoc?.length ?? 0) > 0, 'the reference parse keeps JSDoc');
    assert.equal((parseSource('doc.js', JSDOC_AND_FRIENDS).statements[0] as { jsDoc?: unknown[] }).jsDoc, undefined);
  });

  it('sets the parents of a tree as deep as the parser can build (a chain of 20,000 calls)', () => {
    const text = `Microsoft.Omnichannel.linkToConversation("incident", id)${'.then(f)'.repeat(20_000)};`;
    const doc = new OmnichannelDocument('deep.js', text);
    assert.equal(doc.parseFailure, undefined);
    const innermost = (doc.sourceFile.statements[0] as ts.ExpressionStatement).expression;
    let node: ts.Node = innermost;
    while (ts.isCallExpression(node) || ts.isPropertyAccessExpression(node)) node = node.expression;
    let depth = 0;
    for (let n: ts.Node | undefined = node; n !== undefined; n = n.parent) depth++;
    assert.ok(depth > 40_000, `the identifier under 20,000 calls reaches the file through its parents (${depth} steps)`);
    assert.equal(findRoot(node), doc.sourceFile);
  });

  it('keeps the same nodes and parents through incremental edits', function () {
    this.timeout(60_000);
    const rand = seeded(11);
    const inserts = ['Microsoft.Omnichannel.', '/** @param {x} y */', '\n', '(', ')', '{', '}', 'x', '.then(f)', ''];
    for (let round = 0; round < 40; round++) {
      const fileName = pick(rand, ['a.js', 'a.ts']);
      const doc = new OmnichannelDocument(fileName, [...CORPUS, JSDOC_AND_FRIENDS].join('\n'));
      for (let step = 0; step < 6; step++) {
        const start = Math.floor(rand() * doc.text.length);
        const end = Math.min(doc.text.length, start + Math.floor(rand() * 10));
        doc.update([{ start, end, newText: pick(rand, inserts) }]);
        assert.deepEqual(shape(doc.sourceFile), shape(reference(fileName, doc.text)), `round ${round} step ${step}`);
      }
    }
  });
});

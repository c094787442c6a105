/**
 * Over real LSP, the diagnostics and quick fixes published after each `didChange` (analysed incrementally
 * where the edit allows) are those the server publishes for the same text opened afresh.
 */
import * as assert from 'node:assert/strict';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol/node';
import { pick, seeded } from '@omnichannel-tools/core/test-support/prng';
import { useServer } from './support/fixture';
import { applyEdits, positionAt } from './support/lsp-client';

const FUNCTIONS = [
  (i: number) => `  async function linkCase${i}(id) {\n    try {\n      await Microsoft.Omnichannel.linkToConversation("incident", id);\n      Microsoft.Apm.getFocusedSession().getFocusedTab().refresh();\n    } catch (error) {\n      console.error(error);\n    }\n  }\n`,
  (i: number) => `  function linkContact${i}(contactId) {\n    oc.linkToConversation("Contact", contactId).then(() => Microsoft.Apm.refreshTab("t"));\n  }\n`,
  (i: number) => `  function quickLink${i}(id) {\n    return Microsoft.Omnichannel.linkToConversation("account", id);\n  }\n  function onLoad${i}() {\n    quickLink${i}("{5A2A6A28-9F8E-4C38-9A4F-1A0B3C2D4E5F}");\n  }\n`,
  (i: number) => `  function computeSla${i}(createdOn) {\n    var hours = 24;\n    return new Date(createdOn.getTime() + hours * 3600 * 1000);\n  }\n`,
];
const INSERTS = ['x', '\n', ';', '}', '"', ' ', 'await ', '// omnichannel-disable-next-line\n', '.catch(console.error)', '\n    Microsoft.Apm.refreshTab("t");'];

function script(rand: () => number): string {
  const body = Array.from({ length: 24 }, (_, i) => pick(rand, FUNCTIONS)(i)).join('');
  return `var Contoso = (function () {\n  const oc = Microsoft.Omnichannel;\n${body}  return {};\n})();\n`;
}

/** A diagnostic as a user sees it. */
const shown = (d: Diagnostic): string => JSON.stringify([d.code, d.range, d.severity, d.message]);
/** A quick fix as a user sees it, whatever the document's address. */
const fix = (a: CodeAction): string => JSON.stringify([a.title, a.kind, Object.values(a.edit?.changes ?? {}), a.isPreferred ?? false]);

describe('server: analysis after an edit', () => {
  const s = useServer({ initializationOptions: { typingPauseMs: 0 } });

  it('publishes after each of 60 seeded didChange edits the diagnostics and fixes of the same text opened afresh', async function () {
    this.timeout(120_000);
    const rand = seeded(2024);
    const uri = 'file:///ws/form.js';
    let text = script(rand);
    await s.client.open(uri, text);
    for (let step = 0; step < 60; step++) {
      const at = Math.floor(rand() * text.length);
      const end = rand() < 0.3 ? Math.min(text.length, at + Math.floor(rand() * 20)) : at;
      const range = { start: positionAt(text, at), end: positionAt(text, end) };
      const newText = rand() < 0.3 ? '' : pick(rand, INSERTS);
      text = applyEdits(text, [{ range, newText }]);
      const changed = await s.client.change(uri, [{ range, text: newText }]);
      const reopenedUri = `file:///ws/reopened-${step}.js`;
      const reopened = await s.client.open(reopenedUri, text);
      assert.deepEqual(changed.diagnostics.map(shown), reopened.diagnostics.map(shown), `step ${step}`);
      // The quick fixes of the first diagnostics: those of findings carried over the edit are built in the new text.
      for (const d of changed.diagnostics.slice(0, 3)) {
        const [ours, theirs] = await Promise.all([s.client.codeActions(uri, d.range), s.client.codeActions(reopenedUri, d.range)]);
        assert.deepEqual(ours.map(fix), theirs.map(fix), `step ${step}, fixes at ${JSON.stringify(d.range)}`);
      }
      await s.client.close(reopenedUri);
    }
  });
});

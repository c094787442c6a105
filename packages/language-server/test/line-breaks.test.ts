/**
 * Positions the server reports and reads count lines as the editor does: U+2028 and U+2029 (which the
 * JavaScript parser treats as line terminators) do not start a new line.
 */
import * as assert from 'node:assert/strict';
import { useServer } from './support/fixture';
import { positionAfter } from './support/lsp-client';

// The separator sits in a comment on the first editor line; the faulty call is on the second.
const TEXT = [
  '// see the runbook\u2028step 2: link the case',
  'Microsoft.Omnichannel.linkToConversation("case", "5a2a6a28-9f8e-4c38-9a4f-1a0b3c2d4e5f").catch(e => e);',
  '',
].join('\n');

describe('server: line breaks', () => {
  const s = useServer();

  it('reports a diagnostic after a U+2028 in a comment on the editor\'s line, and reads edits there too', async () => {
    const uri = 'file:///ws/separator.js';
    const published = await s.client.open(uri, TEXT);
    const d = published.diagnostics.find(x => x.code === 'invalid-entity-name');
    assert.ok(d, JSON.stringify(published.diagnostics));
    assert.deepEqual(d.range, { start: positionAfter(TEXT, 'linkToConversation(', 0), end: positionAfter(TEXT, '"case"') });
    assert.equal(d.range.start.line, 1);

    // An edit addressed by the editor's line 1 must change the call, not some other text.
    const start = positionAfter(TEXT, 'linkToConversation("');
    const fixed = await s.client.change(uri, [{ range: { start, end: { line: start.line, character: start.character + 4 } }, text: 'incident' }]);
    assert.deepEqual(fixed.diagnostics.filter(x => x.code === 'invalid-entity-name'), []);
    assert.match(s.client.text(uri), /linkToConversation\("incident"/);
  });
});

import * as assert from 'node:assert/strict';
import { runnableCallAt, runnableCalls } from '../../src/features';
import { OmnichannelDocument } from '../../src/document';
import { withCursor } from './cursor';

describe('runnableCalls', () => {
  it('finds link and unlink calls with literal or const arguments', () => {
    const doc = new OmnichannelDocument('a.js', [
      'const CASE = "5a2a6a28-9f8e-4c38-9a4f-1a0b3c2d4e5f";',
      'Microsoft.Omnichannel.linkToConversation("incident", CASE, "conv-1");',
      'window.Microsoft.Omnichannel.unlinkFromConversation(\'contact\', `abc`);',
      'Microsoft.Omnichannel.linkToConversation("account", someVariable);',
      'Microsoft.Omnichannel.getConversationId();',
    ].join('\n'));
    const calls = runnableCalls(doc);
    assert.deepEqual(calls.map(({ start, end, ...rest }) => rest), [
      { method: 'linkToConversation', entityLogicalName: 'incident', recordId: '5a2a6a28-9f8e-4c38-9a4f-1a0b3c2d4e5f', conversationId: 'conv-1' },
      { method: 'unlinkFromConversation', entityLogicalName: 'contact', recordId: 'abc' },
    ]);
    assert.match(doc.text.slice(calls[0]!.start, calls[0]!.end), /^Microsoft\.Omnichannel\.linkToConversation\(.*"conv-1"\)$/);
  });

  it('resolves constants by scope and does not trust a let', () => {
    const doc = new OmnichannelDocument('a.js', 'let a = "x"; const b = "1"; function f() { const b = "2"; }\nMicrosoft.Omnichannel.linkToConversation("incident", a);\nMicrosoft.Omnichannel.linkToConversation("incident", b);');
    assert.deepEqual(runnableCalls(doc).map(c => c.recordId), ['1']);
  });

  it('ignores calls on a shadowed Microsoft', () => {
    const doc = new OmnichannelDocument('a.js', 'function f(Microsoft) { Microsoft.Omnichannel.linkToConversation("incident", "1"); }');
    assert.deepEqual(runnableCalls(doc), []);
  });
});

describe('runnableCallAt', () => {
  it('returns the call around the cursor', () => {
    const { doc, offset } = withCursor('Microsoft.Omnichannel.linkToConversation("incident", "id-|1");');
    const got = runnableCallAt(doc, offset);
    assert.ok(!('problem' in got));
    assert.equal(got.recordId, 'id-1');
  });

  it('explains a run-time argument', () => {
    const { doc, offset } = withCursor('Microsoft.Omnichannel.linkToConversation("incident", form|Context.data.entity.getId());');
    const got = runnableCallAt(doc, offset);
    assert.ok('problem' in got);
    assert.match(got.problem, /record id .*formContext\.data\.entity\.getId\(\).* only known at run time/);
  });

  it('explains a missing argument and the absence of a call', () => {
    const missing = withCursor('Microsoft.Omnichannel.unlinkFromConversation("contact"|)');
    assert.match((runnableCallAt(missing.doc, missing.offset) as { problem: string }).problem, /no record id/);
    const none = withCursor('console.log(|"x")');
    assert.match((runnableCallAt(none.doc, none.offset) as { problem: string }).problem, /no Microsoft\.Omnichannel\.linkToConversation/);
  });
});

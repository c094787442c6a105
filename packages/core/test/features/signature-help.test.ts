import * as assert from 'node:assert/strict';
import { signatureHelp } from '../../src/features';
import { withCursor } from './cursor';

function help(marked: string) {
  const { doc, offset } = withCursor(marked);
  return signatureHelp(doc, offset);
}

describe('signatureHelp', () => {
  it('shows the signature with the first parameter active after "("', () => {
    const s = help('Microsoft.Omnichannel.linkToConversation(|');
    assert.ok(s);
    assert.match(s.label, /^Microsoft\.Omnichannel\.linkToConversation\(/);
    assert.deepEqual(s.parameters.map(p => p.label.split(':')[0]), ['entityLogicalName', 'recordId', 'conversationId?']);
    assert.equal(s.activeParameter, 0);
  });

  it('moves to the next parameter after each comma, in unfinished code', () => {
    assert.equal(help('Microsoft.Omnichannel.linkToConversation("incident", |')!.activeParameter, 1);
    assert.equal(help('Microsoft.Omnichannel.linkToConversation("incident", id, |)')!.activeParameter, 2);
    assert.equal(help('Microsoft.Omnichannel.linkToConversation("a,b", id|)')!.activeParameter, 1);
  });

  it('works for Apm methods and aliases', () => {
    assert.match(help('const apm = Microsoft.Apm; apm.refreshTab(|)')!.label, /refreshTab\(tabId: string\)/);
  });

  it('gives the inner call\'s signature when an argument is a call, and nothing outside calls', () => {
    assert.equal(help('Microsoft.Omnichannel.linkToConversation("incident", getId(|))'), undefined);
    assert.equal(help('Microsoft.Omnichannel.linkToConversation("incident", id)|;'), undefined);
    assert.equal(help('console.log(|)'), undefined);
    assert.equal(help('function f(Microsoft) { Microsoft.Omnichannel.linkToConversation(|) }'), undefined);
  });
});

/** Which calls an editor should treat as still being written, given where the person last typed. */
import * as assert from 'node:assert/strict';
import { OmnichannelDocument } from '../../src/document';
import { callsBeingWritten, isCallComplete } from '../../src/features';
import { findApiCalls } from '../../src/calls';

/** The document, and the edit marked by `[` `]` (an insertion when they enclose nothing). */
function edited(marked: string): { doc: OmnichannelDocument; edit: { start: number; end: number } } {
  const start = marked.indexOf('[');
  const end = marked.indexOf(']') - 1;
  return { doc: new OmnichannelDocument('form.js', marked.replace('[', '').replace(']', '')), edit: { start, end } };
}

function writing(marked: string): string[] {
  const { doc, edit } = edited(marked);
  return callsBeingWritten(doc, [edit]).map(c => doc.text.slice(c.start, c.end));
}

describe('calls being written', () => {
  it('holds a call whose "(" was just typed and closed by the editor', () => {
    assert.deepEqual(writing('Microsoft.Omnichannel.linkToConversation[()];'), ['Microsoft.Omnichannel.linkToConversation()']);
  });

  it('holds a call with an edit anywhere in its argument list, closed or not', () => {
    assert.deepEqual(writing('Microsoft.Omnichannel.linkToConversation("inc[i]dent", id);'), ['Microsoft.Omnichannel.linkToConversation("incident", id)']);
    assert.equal(writing('Microsoft.Omnichannel.linkToConversation("incident", [i]\n').length, 1);
    assert.equal(writing('Microsoft.Omnichannel.linkToConversation("incident"[,] id);').length, 1);
  });

  it('holds an unfinished call the edit touches, even at its name', () => {
    assert.equal(writing('Microsoft.Omnichannel.linkTo[C]onversation("incident", \n').length, 1);
  });

  it('does not hold a complete call edited only at its name, a pasted whole call, or a call elsewhere', () => {
    assert.deepEqual(writing('Microsoft.Omnichannel.linkTo[C]onversation("incident", id);'), []);
    assert.deepEqual(writing('[Microsoft.Omnichannel.linkToConversation("incident", id);]'), []);
    assert.deepEqual(writing('Microsoft.Omnichannel.linkToConversation("incident", id);\n[x]'), []);
    assert.deepEqual(writing('Microsoft.Omnichannel.linkToConversation("incident";\n[x]'), [], 'an unfinished call nobody is editing');
  });

  it('holds nothing without edits', () => {
    const doc = new OmnichannelDocument('form.js', 'Microsoft.Omnichannel.linkToConversation(');
    assert.deepEqual(callsBeingWritten(doc, []), []);
  });

  it('tells a written-out call from one the parser had to complete', () => {
    const complete = (text: string): boolean => {
      const doc = new OmnichannelDocument('form.js', text);
      return isCallComplete(findApiCalls(doc.sourceFile)[0]!, doc.sourceFile);
    };
    assert.equal(complete('Microsoft.Omnichannel.linkToConversation("incident", id);'), true);
    assert.equal(complete('Microsoft.Omnichannel.linkToConversation("incident", id, );'), true, 'a trailing comma is valid');
    assert.equal(complete('Microsoft.Omnichannel.linkToConversation("incident", id'), false, 'no ")"');
    assert.equal(complete('Microsoft.Omnichannel.linkToConversation("incident", , id);'), false, 'a missing argument');
    assert.equal(complete('Microsoft.Omnichannel.linkToConversation("incident", id;'), false);
  });
});

/** Call recognition: every way code reaches Microsoft.Omnichannel is found, and nothing else is. */
import * as assert from 'node:assert/strict';
import * as ts from 'typescript';
import { OmnichannelDocument } from '../src';
import { findApiCalls, resolveStringConstant } from '../src/calls';
import { occurrences } from '../src/calls/locate';

function recognised(source: string, fileName = 'a.js'): string[] {
  const doc = new OmnichannelDocument(fileName, source);
  return findApiCalls(doc).map(c => `${c.namespace}.${c.member}(${c.args.map(a => c.resolveString(a)?.value ?? '?').join(', ')})`);
}

describe('call recognition', () => {
  it('recognises direct calls and global prefixes', () => {
    assert.deepEqual(recognised(`
      Microsoft.Omnichannel.linkToConversation("incident", x);
      window.Microsoft.Omnichannel.unlinkFromConversation("contact", x);
      parent.Microsoft.Omnichannel.getConversationId();
      top.Microsoft.Apm.refreshTab("t");
      self.Microsoft.Omnichannel.openConversation(x);
      globalThis.window.parent.Microsoft.Omnichannel.getConversations(x);
    `), [
      'Microsoft.Omnichannel.linkToConversation(incident, ?)',
      'Microsoft.Omnichannel.unlinkFromConversation(contact, ?)',
      'Microsoft.Omnichannel.getConversationId()',
      'Microsoft.Apm.refreshTab(t)',
      'Microsoft.Omnichannel.openConversation(?)',
      'Microsoft.Omnichannel.getConversations(?)',
    ]);
  });

  it('recognises optional chaining, element access and TypeScript wrappers', () => {
    assert.deepEqual(recognised(`
      Microsoft?.Omnichannel?.linkToConversation?.("account", x);
      Microsoft["Omnichannel"]['linkToConversation'](\`contact\`, x);
      (Microsoft as any).Omnichannel!.getConversationId();
    `, 'a.ts'), [
      'Microsoft.Omnichannel.linkToConversation(account, ?)',
      'Microsoft.Omnichannel.linkToConversation(contact, ?)',
      'Microsoft.Omnichannel.getConversationId()',
    ]);
  });

  it('follows aliases, destructuring (also renamed) and string constants', () => {
    assert.deepEqual(recognised(`
      const CASE = "incident";
      const TEMPLATE = \`account\`;
      const oc = window.Microsoft.Omnichannel;
      const { linkToConversation, unlinkFromConversation: unlink } = Microsoft.Omnichannel;
      const { Omnichannel: { getConversationId } } = Microsoft;
      oc.linkToConversation(CASE, x);
      linkToConversation(TEMPLATE, x);
      unlink("contact", x);
      getConversationId();
    `), [
      'Microsoft.Omnichannel.linkToConversation(incident, ?)',
      'Microsoft.Omnichannel.linkToConversation(account, ?)',
      'Microsoft.Omnichannel.unlinkFromConversation(contact, ?)',
      'Microsoft.Omnichannel.getConversationId()',
    ]);
  });

  it('finds calls in JSX and TSX', () => {
    const source = `const b = <button onClick={() => Microsoft.Omnichannel.linkToConversation("incident", id)}>Link</button>;`;
    assert.deepEqual(recognised(source, 'a.jsx'), ['Microsoft.Omnichannel.linkToConversation(incident, ?)']);
    assert.deepEqual(recognised(`const x: string = "a";\n${source}`, 'a.tsx'), ['Microsoft.Omnichannel.linkToConversation(incident, ?)']);
  });

  it('has no false positives on other objects, local functions or shadowed aliases', () => {
    assert.deepEqual(recognised(`
      myApi.linkToConversation("incident", x);
      function linkToConversation() {}
      linkToConversation("incident", x);
      const oc = Microsoft.Omnichannel;
      function f(oc) { oc.linkToConversation("incident", x); }
      function g() { const oc = other; oc.linkToConversation("incident", x); }
      function h(Microsoft) { Microsoft.Omnichannel.linkToConversation("incident", x); }
      getApi().Omnichannel.linkToConversation("incident", x);
      Microsoft.Other.linkToConversation("incident", x);
    `), []);
  });

  it('does not take a let string as a constant, and resolves constants for editor features', () => {
    assert.deepEqual(recognised(`let t = "incident"; Microsoft.Omnichannel.linkToConversation(t, x);`), ['Microsoft.Omnichannel.linkToConversation(?, ?)']);
    const doc = new OmnichannelDocument('a.js', `const T = "contact";\nMicrosoft.Omnichannel.linkToConversation(T, x);`);
    const call = findApiCalls(doc)[0]!;
    assert.equal(resolveStringConstant(call.args[0]!)?.value, 'contact');
    assert.ok(ts.isStringLiteral(call.resolveString(call.args[0]!)!.node));
  });

  it('finds many names in one pass exactly as it finds them one by one, longer names sharing a start included', () => {
    const doc = new OmnichannelDocument('a.js', `
      function ab() { return a + abc + $x + b$; }
      const abc = ab(a); // a ab abc in a comment
      x.ab = "abc"; a$b(ab$, $x, b$);
    `);
    const names = ['a', 'ab', 'abc', '$x', 'b$', 'ab$'];
    const spell = (nodes: readonly ts.Node[]) => nodes.map(n => `${n.getStart()}:${n.getText()}`);
    const oneByOne = names.flatMap(name => occurrences(doc.sourceFile, name)).sort((x, y) => x.pos - y.pos);
    assert.deepEqual(spell(occurrences(doc.sourceFile, names)), spell(oneByOne));
    assert.deepEqual(spell(occurrences(doc.sourceFile, names.slice(0, 2))), spell(oneByOne.filter(n => ['a', 'ab'].includes(n.getText()))));
  });
});

import * as assert from 'node:assert/strict';
import { completions } from '../../src/features';
import { withCursor } from './cursor';

function labels(marked: string, fileName?: string): string[] {
  const { doc, offset } = withCursor(marked, fileName);
  return completions(doc, offset).map(e => e.label);
}

describe('completions', () => {
  it('offers the Omnichannel methods right after the dot, with nothing typed yet', () => {
    const got = labels('Microsoft.Omnichannel.|');
    for (const name of ['linkToConversation', 'unlinkFromConversation', 'getConversationId', 'getConversations', 'openConversation', 'sendMessageToConversation']) {
      assert.ok(got.includes(name), `missing ${name} in ${got.join(', ')}`);
    }
    assert.ok(!got.includes('refreshTab'), 'Apm members must not be offered under Omnichannel');
  });

  it('replaces the partial word and keeps working when more code follows on the next line', () => {
    const { doc, offset } = withCursor('function f() {\n  Microsoft.Omnichannel.lin|\n  const x = 1;\n}');
    const entry = completions(doc, offset).find(e => e.label === 'linkToConversation');
    assert.ok(entry, 'linkToConversation offered');
    // The dot is replaced too (as TypeScript's own entries do), so the editor ranks ours alike.
    assert.equal(doc.text.slice(entry.replace!.start, entry.replace!.end), '.lin');
  });

  it('offers Apm members through global prefixes', () => {
    assert.ok(labels('window.parent.Microsoft.Apm.|').includes('refreshTab'));
    assert.ok(labels('top.Microsoft.Apm.get|').includes('getFocusedSession'));
  });

  it('follows same-file aliases, including destructured namespaces', () => {
    assert.ok(labels('const oc = Microsoft.Omnichannel;\noc.|').includes('linkToConversation'));
    assert.ok(labels('const ms = window.Microsoft;\nconst apm = ms.Apm;\napm.|').includes('refreshTab'));
    assert.ok(labels('const { Omnichannel } = Microsoft;\nOmnichannel.|').includes('getConversationId'));
  });

  it('resolves as the rules do: accessor functions and guarded aliases, with scopes', () => {
    assert.ok(labels('function getOc() { return window.top.Microsoft.Omnichannel; }\ngetOc().|').includes('linkToConversation'));
    assert.ok(labels('const oc = window.Microsoft && window.Microsoft.Omnichannel;\noc.|').includes('getConversationId'));
    assert.deepEqual(labels('const oc = Microsoft.Omnichannel;\nfunction f(oc) {\n  oc.|\n}'), [], 'a parameter shadows the alias');
  });

  it('offers TranslationFramework under Omnichannel, and the provider property under it', () => {
    assert.ok(labels('Microsoft.Omnichannel.|').includes('TranslationFramework'));
    assert.deepEqual(labels('window.Microsoft.Omnichannel.TranslationFramework.|'), ['getTranslationProvider']);
    const { doc, offset } = withCursor('Microsoft.Omnichannel.TranslationFramework.get|');
    assert.match(String(completions(doc, offset)[0]?.documentation), /\(property\) Microsoft\.Omnichannel\.TranslationFramework\.getTranslationProvider: \(\) => TranslationProvider/);
  });

  it('offers the namespaces after Microsoft.', () => {
    assert.deepEqual(labels('Microsoft.|').sort(), ['Apm', 'CCaaS', 'Omnichannel']);
  });

  it('offers the preview contact center SDK module by module, marked preview', () => {
    assert.deepEqual(labels('Microsoft.CCaaS.|'), ['StandaloneSDK']);
    assert.deepEqual(labels('Microsoft.CCaaS.StandaloneSDK.|').sort(), ['conversation', 'presence', 'utility', 'voice']);
    const { doc, offset } = withCursor('const sdk = Microsoft.CCaaS.StandaloneSDK;\nsdk.voice.|');
    const entries = completions(doc, offset);
    assert.deepEqual(entries.map(e => e.label), ['startRecording', 'pauseRecording', 'startTranscription', 'pauseTranscription']);
    assert.match(entries[0]!.detail!, /^\(preview\) startRecording\(payload: \{ liveWorkItemId: string \}\): Promise<void>/);
  });

  it('offers a link snippet that refreshes the UI and handles failure', () => {
    const { doc, offset } = withCursor('Microsoft.Omnichannel.|');
    const snippet = completions(doc, offset, { refreshCall: 'refreshCaseTab()' }).find(e => e.kind === 'snippet' && e.label.startsWith('linkToConversation'));
    assert.ok(snippet?.insertTextIsSnippet);
    assert.match(snippet.insertText!, /^\.linkToConversation\("\$\{1\|account,contact,incident\|\}", \$\{2:recordId\}\)/);
    assert.match(snippet.insertText!, /\.then\(\(\) => \$\{3:refreshCaseTab\(\)\}, error => /);
  });

  it('offers entity names inside the first string argument, replacing the string contents', () => {
    const { doc, offset } = withCursor('Microsoft.Omnichannel.linkToConversation("inc|ident", id);');
    const got = completions(doc, offset);
    assert.deepEqual(got.map(e => e.label), ['account', 'contact', 'incident']);
    assert.equal(doc.text.slice(got[0]!.replace!.start, got[0]!.replace!.end), 'incident');
  });

  it('offers entity names in an unclosed string while typing', () => {
    const { doc, offset } = withCursor('Microsoft.Omnichannel.unlinkFromConversation("inc|\nfoo();');
    const got = completions(doc, offset);
    assert.deepEqual(got.map(e => e.label), ['account', 'contact', 'incident']);
    assert.equal(doc.text.slice(got[2]!.replace!.start, got[2]!.replace!.end), 'inc');
  });

  it('offers quoted entity names at an empty first argument', () => {
    const { doc, offset } = withCursor('const oc = Microsoft.Omnichannel; oc.linkToConversation(|)');
    assert.deepEqual(completions(doc, offset).map(e => e.insertText), ['"account"', '"contact"', '"incident"']);
  });

  it('offers nothing in other strings, other arguments, comments and unrelated members', () => {
    assert.deepEqual(labels('Microsoft.Omnichannel.linkToConversation("incident", "ab|")'), []);
    assert.deepEqual(labels('Xrm.WebApi.retrieveRecord("acc|", id)'), []);
    assert.deepEqual(labels('// Microsoft.Omnichannel.|'), []);
    assert.deepEqual(labels('formContext.data.|'), []);
    assert.deepEqual(labels('const Microsoft = {}; const x = 1|'), []);
  });

  it('works in TypeScript files with optional chaining and casts', () => {
    assert.ok(labels('(window as any).Microsoft?.Omnichannel?.|', 'form.ts').includes('linkToConversation'));
  });
});

describe('completions: which entry comes first, and what accepting it does', () => {
  const entries = (marked: string) => {
    const { doc, offset } = withCursor(marked);
    return completions(doc, offset);
  };
  const first = (marked: string) => [...entries(marked)].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label))[0]!;

  it('preselects linkToConversation after Microsoft.Omnichannel., sorted first', () => {
    const list = entries('Microsoft.Omnichannel.|');
    assert.deepEqual(list.filter(e => e.preselect).map(e => e.label), ['linkToConversation']);
    assert.equal(first('Microsoft.Omnichannel.|').label, 'linkToConversation');
  });

  it('preselects getFocusedSession after Microsoft.Apm., and Omnichannel after Microsoft.', () => {
    assert.deepEqual(entries('Microsoft.Apm.|').filter(e => e.preselect).map(e => e.label), ['getFocusedSession']);
    assert.equal(first('Microsoft.Apm.|').label, 'getFocusedSession');
    assert.deepEqual(entries('window.Microsoft.|').filter(e => e.preselect).map(e => e.label), ['Omnichannel']);
  });

  it('sorts before the editor\'s word suggestions, whose sort text is the word itself or a digit', () => {
    for (const e of entries('Microsoft.Omnichannel.|')) {
      for (const word of ['Microsoft', 'Omnichannel', '0', '11', '18']) assert.ok(e.sortText! < word, `${e.sortText} sorts after ${word}`);
    }
  });

  it('inserts a method with its "(" and asks for the parameter hints, unless "(" follows already', () => {
    const link = entries('Microsoft.Omnichannel.lin|').find(e => e.label === 'linkToConversation')!;
    assert.equal(link.insertText, '.linkToConversation(');
    assert.equal(link.filterText, '.linkToConversation');
    assert.equal(link.opensSignatureHelp, true);
    const before = entries('Microsoft.Omnichannel.lin|("incident", id)').find(e => e.label === 'linkToConversation')!;
    assert.equal(before.insertText, '.linkToConversation');
    assert.equal(before.opensSignatureHelp, undefined);
    const ns = entries('Microsoft.|').find(e => e.label === 'Omnichannel')!;
    assert.equal(ns.insertText, '.Omnichannel', 'a namespace is inserted as its name');
  });
});

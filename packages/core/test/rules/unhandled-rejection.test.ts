import * as assert from 'node:assert/strict';
import { applyFix, expectFindings } from '../support/markers';

const only = { rules: ['unhandled-rejection' as const] };

describe('unhandled-rejection', () => {
  it('reports Omnichannel promises nobody handles', () => {
    expectFindings(`
  Microsoft.Omnichannel.linkToConversation("incident", id).then(() => Microsoft.Apm.refreshTab("t"));
  //                    ^^^^^^^^^^^^^^^^^^ unhandled-rejection (warning)
  Microsoft.Omnichannel.getConversationId().finally(() => done());
  //                    ^^^^^^^^^^^^^^^^^ unhandled-rejection
  async function f() {
    const id = await Microsoft.Omnichannel.getConversationId();
    //                                     ^^^^^^^^^^^^^^^^^ unhandled-rejection
    try { prepare(); } catch (e) { }
    await Microsoft.Omnichannel.openConversation(id);
    //                          ^^^^^^^^^^^^^^^^ unhandled-rejection
  }
`, only);
  });

  it('does not report handled, awaited-in-try or returned promises', () => {
    expectFindings(`
  Microsoft.Omnichannel.linkToConversation("incident", id).then(refresh, error => console.log(error));
  Microsoft.Omnichannel.linkToConversation("incident", id).then(refresh).catch(console.error);
  Microsoft.Omnichannel.getConversationId().catch(console.error).finally(done);
  async function f() {
    try {
      if (ready) {
        await Microsoft.Omnichannel.sendMessageToConversation("hi");
      }
    } catch (e) { console.error(e); }
  }
  function g() { return Microsoft.Omnichannel.getConversationId(); }
  const h = () => Microsoft.Omnichannel.getConversationId().then(id => id.toUpperCase());
  Microsoft.Apm.createTab({ templateName: "t" });
  async function k() {
    try { await Promise.all([Microsoft.Omnichannel.getConversationId()]); } catch (e) { }
  }
`, only);
  });

  it('names each method\'s usual failure, from the catalogue', () => {
    const messages = expectFindings(`
  Microsoft.Omnichannel.sendMessageToConversation("Your case is 0042.", false).then(done);
  //                    ^^^^^^^^^^^^^^^^^^^^^^^^^ unhandled-rejection
  Microsoft.Omnichannel.getConversationId().then(show);
  //                    ^^^^^^^^^^^^^^^^^ unhandled-rejection
`, only).map(f => f.detail!);
    assert.match(messages[0]!, /can reject \(for example when the conversation is not assigned to the signed-in agent\)/);
    assert.doesNotMatch(messages[0]!, /active/);
    assert.match(messages[1]!, /can reject \(for example when the focused session is not a conversation\)/);
  });

  it('does not report Microsoft.Apm calls, which the reference documents as returning plain values', () => {
    expectFindings(`
  Microsoft.Apm.refreshTab("tab-id-3");
  Microsoft.Apm.closeTab("tab-id-3");
  const sessionId = Microsoft.Apm.createSession({ templateName: "t" });
  Microsoft.Apm.createTab({ templateName: "t" }).then(focus);
  async function open() { await Microsoft.Apm.createTab({ templateName: "t" }); }
`, only);
  });

  it('follows the chain through TypeScript wrappers (<T>x, x as T, x!, satisfies)', () => {
    expectFindings(`
  (<Promise<unknown>>Microsoft.Omnichannel.getConversationId()).catch(console.error);
  (<Promise<unknown>>Microsoft.Omnichannel.getConversationId()).then(show);
  //                                       ^^^^^^^^^^^^^^^^^ unhandled-rejection
  (Microsoft.Omnichannel.getConversationId() as Promise<string>).catch(console.error);
  (Microsoft.Omnichannel.getConversationId()!).catch(console.error);
  (Microsoft.Omnichannel.getConversationId() satisfies Promise<string>).catch(console.error);
`, { ...only, fileName: 'test.ts' });
  });

  it('appends a .catch to a promise statement, on the same line while it stays within 100 characters', () => {
    assert.equal(applyFix(`Microsoft.Omnichannel.getConversationId().then(show);`, 'unhandled-rejection'),
      `Microsoft.Omnichannel.getConversationId().then(show)\n    .catch(error => console.error("getConversationId failed:", error));`);
    assert.equal(applyFix(`oc.getConversationId().then(show);\nconst oc = Microsoft.Omnichannel;`, 'unhandled-rejection'),
      `oc.getConversationId().then(show).catch(error => console.error("getConversationId failed:", error));\nconst oc = Microsoft.Omnichannel;`);
  });

  it('writes the handler in the file\'s quotes, semicolons and callback style', () => {
    const source = [
      "function f(id) {",
      "  helper(function (x) { return x })",
      "  Microsoft.Omnichannel.openConversation(id).then(show)",
      "  const label = 'Case'",
      "}",
    ].join('\n');
    assert.equal(applyFix(source, 'unhandled-rejection').split('\n').slice(2, 7).join('\n'), [
      "  Microsoft.Omnichannel.openConversation(id).then(show).catch(function (error) {",
      "    console.error('openConversation failed:', error)",
      "  })",
      "  const label = 'Case'",
      "}",
    ].join('\n'));
  });

  it('after the refresh fix, keeps every line of the chain within 100 characters', () => {
    const before = 'function f(id) {\n    Microsoft.Omnichannel.linkToConversation("incident", id).then(() => log("linked"));\n}';
    const refreshed = applyFix(before, 'missing-ui-refresh');
    const fixed = applyFix(refreshed, 'unhandled-rejection');
    assert.equal(fixed, [
      'function f(id) {',
      '    Microsoft.Omnichannel.linkToConversation("incident", id).then(() => {',
      '        log("linked");',
      '        Microsoft.Apm.getFocusedSession().getFocusedTab().refresh();',
      '    }).catch(error => console.error("linkToConversation failed:", error));',
      '}',
    ].join('\n'));
    for (const line of fixed.split('\n')) assert.ok(line.length <= 100, line);
  });

  it('wraps an awaited statement in try/catch, keeping indentation', () => {
    const before = 'async function f() {\n  await Microsoft.Omnichannel.openConversation(id);\n}';
    assert.equal(applyFix(before, 'unhandled-rejection'),
      'async function f() {\n  try {\n    await Microsoft.Omnichannel.openConversation(id);\n  } catch (error) {\n    console.error("openConversation failed:", error);\n  }\n}');
  });
});

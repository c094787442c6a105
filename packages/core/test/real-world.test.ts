/**
 * Omnichannel code as it is really written, one case per shape found in real customizations, each saying
 * where such code is typical. Every case is a pair: the analysis reports what it should, and stays silent
 * where the code is right or is not ours. Sources are minimal and our own.
 */
import * as assert from 'node:assert/strict';
import { applyFix, expectFindings } from './support/markers';

const ENTITY = { rules: ['invalid-entity-name' as const] };
const TS = { ...ENTITY, fileName: 'form.ts' };

describe('real-world code', () => {
  describe('ambient declarations (TypeScript web resources that declare the global to satisfy the compiler)', () => {
    it('reports through `declare const|var|let` and `declare global`', () => {
      for (const declaration of ['declare const Microsoft: any;', 'declare var Microsoft: any;', 'declare let Microsoft: any;', 'declare global { var Microsoft: any; }', 'declare namespace Microsoft { const Omnichannel: any; }', 'declare function helper(Microsoft: any): void;', 'declare const window: any;']) {
        expectFindings(`${declaration}
Microsoft.Omnichannel.linkToConversation("case", id);
//                                       ^^^^^^ invalid-entity-name
window.Microsoft.Omnichannel.linkToConversation("case", id);
//                                              ^^^^^^ invalid-entity-name
`, TS);
      }
    });

    it('reports through a script\'s top-level `var Microsoft;`, which is the global itself', () => {
      expectFindings(`var Microsoft;
Microsoft.Omnichannel.linkToConversation("case", id);
//                                       ^^^^^^ invalid-entity-name
`, ENTITY);
    });

    it('does not report where a real binding shadows the global: a parameter, an initialised variable, an import, a module\'s `var`', () => {
      expectFindings(`
function onLoad(Microsoft: any) { Microsoft.Omnichannel.linkToConversation("case", id); }
function later() { const Microsoft = mock(); Microsoft.Omnichannel.linkToConversation("case", id); }
function local() { let Microsoft; Microsoft.Omnichannel.linkToConversation("case", id); }
`, TS);
      expectFindings(`import { Microsoft } from "./fake";\nMicrosoft.Omnichannel.linkToConversation("case", id);`, TS);
      expectFindings(`export {};\nvar Microsoft;\nMicrosoft.Omnichannel.linkToConversation("case", id);`, TS);
    });
  });

  describe('accessor functions (form scripts that reach the workspace from an iframe or a nested web resource)', () => {
    it('reports calls on what a same-file accessor returns: declaration, arrow, object and class methods, getters, an immediate call, frame walks', () => {
      expectFindings(`
function getOc() { return window.top.Microsoft.Omnichannel; }
getOc().linkToConversation("case", id);
//                         ^^^^^^ invalid-entity-name
const oc = getOc();
oc.unlinkFromConversation("case", id);
//                        ^^^^^^ invalid-entity-name
const fromParent = () => parent.Microsoft.Omnichannel;
fromParent().linkToConversation("case", id);
//                              ^^^^^^ invalid-entity-name
const helpers = { oc() { return Microsoft.Omnichannel; } };
helpers.oc().linkToConversation("case", id);
//                              ^^^^^^ invalid-entity-name
class Panel { oc() { return Microsoft.Omnichannel; } link() { this.oc().linkToConversation("case", id); } }
//                                                                                         ^^^^^^ invalid-entity-name
class Side { get oc() { return window.parent.Microsoft.Omnichannel; } link() { this.oc.linkToConversation("case", id); } }
//                                                                                                        ^^^^^^ invalid-entity-name
const once = (() => window.top.Microsoft.Omnichannel)();
once.linkToConversation("case", id);
//                      ^^^^^^ invalid-entity-name
function findOmnichannel() {
  let w = window;
  for (let i = 0; i < 5 && w; i++) {
    if (w.Microsoft && w.Microsoft.Omnichannel) return w.Microsoft.Omnichannel;
    w = w.parent;
  }
  return null;
}
findOmnichannel().linkToConversation("case", id);
//                                   ^^^^^^ invalid-entity-name
`, ENTITY);
    });

    it('does not report functions that yield something else: async, mixed returns, another object, a shadowing parameter', () => {
      expectFindings(`
async function later() { return Microsoft.Omnichannel; }
later().linkToConversation("case", id);
function mixed(x) { if (x) return Microsoft.Omnichannel; return chatSdk; }
mixed(1).linkToConversation("case", id);
function sdk() { return Microsoft.Omnichannel.LiveChatWidget.SDK; }
sdk().linkToConversation("case", id);
function withParam(Microsoft) { return Microsoft.Omnichannel; }
withParam(fake).linkToConversation("case", id);
`, ENTITY);
    });
  });

  describe('guarded aliases (scripts that must also load outside the agent workspace)', () => {
    it('reports through `&&`, `||`, `??`, `?:` and parentheses', () => {
      expectFindings(`
const oc = window.Microsoft && window.Microsoft.Omnichannel;
oc.linkToConversation("case", id);
//                    ^^^^^^ invalid-entity-name
(window.top || window).Microsoft.Omnichannel.linkToConversation("case", id);
//                                                              ^^^^^^ invalid-entity-name
const maybe = ready ? Microsoft.Omnichannel : null;
maybe?.linkToConversation("case", id);
//                        ^^^^^^ invalid-entity-name
const either = top.Microsoft?.Omnichannel ?? parent.Microsoft.Omnichannel;
either.linkToConversation("case", id);
//                        ^^^^^^ invalid-entity-name
`, ENTITY);
    });

    it('does not report when the alternatives differ or the API is only the guard', () => {
      expectFindings(`
const which = ready ? Microsoft.Omnichannel : chatSdk;
which.linkToConversation("case", id);
const flag = Microsoft.Omnichannel && other;
flag.linkToConversation("case", id);
const fallback = Microsoft.Omnichannel || fakeOmnichannel;
fallback.linkToConversation("case", id);
`, ENTITY);
    });
  });

  describe('promise wrappers (ribbon commands that link several records at once, helpers that normalise a value to a promise)', () => {
    const rules = { rules: ['unhandled-rejection' as const, 'missing-ui-refresh' as const] };
    it('follows the promise through Promise.resolve, all, race and any', () => {
      expectFindings(`
Promise.resolve(Microsoft.Omnichannel.linkToConversation("incident", id)).then(refresh);
//                                    ^^^^^^^^^^^^^^^^^^ unhandled-rejection
Promise.all([Microsoft.Omnichannel.linkToConversation("account", a), Microsoft.Omnichannel.linkToConversation("incident", b)]).catch(log);
//                                 ^^^^^^^^^^^^^^^^^^ missing-ui-refresh
//                                                                                         ^^^^^^^^^^^^^^^^^^ missing-ui-refresh
Promise.race([Microsoft.Omnichannel.getConversationId(), timeout(5000)]).then(show);
//                                  ^^^^^^^^^^^^^^^^^ unhandled-rejection
Promise.any([Microsoft.Omnichannel.getConversationId()]).then(show);
//                                 ^^^^^^^^^^^^^^^^^ unhandled-rejection
`, { ...rules, settings: { refreshFunctions: ['refresh'] } });
    });

    it('does not report a wrapped promise that is handled and refreshed, or one that went through allSettled', () => {
      expectFindings(`
Promise.resolve(Microsoft.Omnichannel.linkToConversation("incident", id)).then(refresh, log);
Promise.all([Microsoft.Omnichannel.linkToConversation("account", a)]).then(refresh).catch(log);
Promise.allSettled([Microsoft.Omnichannel.linkToConversation("account", a), Microsoft.Omnichannel.linkToConversation("incident", b)]).then(refresh);
async function both(a, b) {
  await Promise.allSettled([Microsoft.Omnichannel.unlinkFromConversation("account", a)]);
  refresh();
}
`, { ...rules, settings: { refreshFunctions: ['refresh'] } });
    });
  });

  describe('the success path continues in the caller (form scripts split into small async helpers called from an OnLoad or a button handler)', () => {
    const rules = { rules: ['unhandled-rejection' as const, 'missing-ui-refresh' as const], settings: { refreshFunctions: ['refresh'] } };
    it('reports at each call that drops the helper\'s promise, naming the inner call', () => {
      const findings = expectFindings(`
  async function linkCase(id) {
    await Microsoft.Omnichannel.linkToConversation("incident", id);
  }
  function relink(id) { return linkCase(id); }
  linkCase(a);
//^^^^^^^^ missing-ui-refresh
//^^^^^^^^ unhandled-rejection
  relink(b).then(refresh);
//^^^^^^ unhandled-rejection
  async function onLoad(executionContext) {
    await Microsoft.Omnichannel.linkToConversation("contact", contactOf(executionContext));
    //                          ^^^^^^^^^^^^^^^^^^ missing-ui-refresh
    //                          ^^^^^^^^^^^^^^^^^^ unhandled-rejection
  }
`, rules);
      assert.equal(findings[0]!.message, 'Refresh the UI after linkCase(…): its linkToConversation only changes the database.');
      assert.match(findings[0]!.detail!, /^linkCase\(…\) resolves when linkToConversation \(line 3\)/);
      assert.equal(applyFix(`async function f(id) {\n  await Microsoft.Omnichannel.getConversationId();\n}\nf(1);`, 'unhandled-rejection'),
        `async function f(id) {\n  await Microsoft.Omnichannel.getConversationId();\n}\nf(1).catch(error => console.error("f failed:", error));`);
    });

    it('does not report when every call refreshes and handles (a recursive call included), or the helper is exported or handed over', () => {
      expectFindings(`
async function linkCase(id) {
  await Microsoft.Omnichannel.linkToConversation("incident", id);
}
linkCase(a).then(refresh, handleError);
async function onClick() {
  try {
    await linkCase(b);
    refresh();
  } catch (e) { show(e); }
}
button.addEventListener("click", onClick);
async function onSave(id) { await Microsoft.Omnichannel.linkToConversation("account", id); }
formContext.data.entity.addOnSave(onSave);
class CaseLinker {
  async link(id) { await Microsoft.Omnichannel.linkToConversation("incident", id); }
  run(id) { this.link(id).then(refresh).catch(log); }
}
async function keepLinked(id) { await Microsoft.Omnichannel.linkToConversation("incident", id); await keepLinked(id); }
keepLinked(c).then(refresh, handleError);
`, rules);
      expectFindings(`export async function linkCase(id) { await Microsoft.Omnichannel.linkToConversation("incident", id); }`, rules);
    });
  });

  describe('translation providers (a real-time translation web resource that registers itself with the workspace)', () => {
    it('still checks the provider\'s own calls of the API', () => {
      expectFindings(`
  Microsoft.Omnichannel.TranslationFramework.getTranslationProvider = () => ({
    translateMessage: async (conversationId, config) => {
      Microsoft.Omnichannel.sendMessageToConversation(config.note, true, conversationId);
      //                    ^^^^^^^^^^^^^^^^^^^^^^^^^ unhandled-rejection
      return translate(config);
    },
  });
`);
    });

    it('does not report assigning the provider, directly, through an alias or as an object', () => {
      expectFindings(`
  Microsoft.Omnichannel.TranslationFramework.getTranslationProvider = function () { return provider; };
  const framework = window.top.Microsoft.Omnichannel.TranslationFramework;
  framework.getTranslationProvider = () => provider;
  window.Microsoft.Omnichannel.TranslationFramework = { getTranslationProvider: () => provider };
  Microsoft.Omnichannel.TranslationFramework.getTranslationProvider().translateMessage("c", {});
`);
    });
  });

  describe('the preview contact center SDK (voice and presence scripts in the Contact Center workspace)', () => {
    it('reports unhandled requests, misspelt members and wrong arguments', () => {
      expectFindings(`
  const sdk = Microsoft.CCaaS.StandaloneSDK;
  sdk.voice.startRecording({ liveWorkItemId: id });
  //        ^^^^^^^^^^^^^^ unhandled-rejection
  Microsoft.CCaaS.StandaloneSDK.conversation.getCopilotSumary(id).then(show, log);
  //                                         ^^^^^^^^^^^^^^^^ unknown-api-member
  Microsoft.CCaaS.StandaloneSDK.voice.pauseTranscription().catch(log);
  //                                  ^^^^^^^^^^^^^^^^^^ invalid-arguments
`);
    });

    it('does not report handled requests, subscriptions, or modules it does not catalogue', () => {
      expectFindings(`
  async function onVoiceLoaded(id) {
    try { await Microsoft.CCaaS.StandaloneSDK.voice.startTranscription({ liveWorkItemId: id }); } catch (e) { log(e); }
  }
  if (window.top.sentimentHandler) Microsoft.CCaaS.StandaloneSDK.utility.removeEventHandlerById(window.top.sentimentHandler);
  window.top.sentimentHandler = Microsoft.CCaaS.StandaloneSDK.conversation.onCustomerSentimentChange(e => show(e));
  Microsoft.CCaaS.StandaloneSDK.presence.getPresence().then(show, log);
  Microsoft.CCaaS.StandaloneSDK.voiceVideoCalling.onHoldChange(e => show(e));
  Microsoft.CCaaS.EmbedSDK.conversation.getTranscript(id);
`);
    });
  });

  describe('code that is not ours', () => {
    it('stays silent on the live chat SDK, CIF and any other object\'s link or conversation id', () => {
      expectFindings(`
Microsoft.Omnichannel.LiveChatWidget.SDK.startChat();
window.Microsoft.Omnichannel.LiveChatWidget.SDK.getConversationDetails().then(show);
Microsoft.CIFramework.getFocusedSession().then(show);
Microsoft.CIFramework.refreshTab("t");
chatSdk.getConversationId();
crm.linkToConversation("case", 1);
this.linkToConversation("case", 1);
`);
    });
  });
});

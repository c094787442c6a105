/**
 * Omnichannel code as it is really written, one case per shape found in real customizations, each saying
 * where such code is typical. Every case is a pair: the analysis reports what it should, and stays silent
 * where the code is right or is not ours. Sources are minimal and our own.
 */
import { expectFindings } from './support/markers';

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

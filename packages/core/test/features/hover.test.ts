import * as assert from 'node:assert/strict';
import { hover } from '../../src/features';
import { withCursor } from './cursor';

function hoverAt(marked: string) {
  const { doc, offset } = withCursor(marked);
  const h = hover(doc, offset);
  return h && { ...h, text: doc.text.slice(h.start, h.end) };
}

describe('hover', () => {
  it('shows a method\'s signature, docs and example', () => {
    const h = hoverAt('Microsoft.Omnichannel.linkTo|Conversation("incident", id);');
    assert.ok(h);
    assert.equal(h.text, 'linkToConversation');
    assert.match(h.contents, /\(method\) Microsoft\.Omnichannel\.linkToConversation\(entityLogicalName: .*recordId: string, conversationId\?: string\)/);
    assert.match(h.contents, /refresh/i);
    assert.match(h.contents, /Example:/);
    assert.match(h.contents, /\[Microsoft Learn: linkToConversation\]\(https:\/\/learn\.microsoft\.com\/dynamics365\/customer-service\/develop\/reference\/methods\/linktoconversation\)/);
    assert.match(h.contents, /\[What Omnichannel Tools checks\]\(https:\/\/github\.com\/omnichannel-tools\/omnichannel-tools#diagnostics-and-quick-fixes\)/);
  });

  it('links every catalogue method to its Learn page, except the preview SDK, which has none', () => {
    for (const [source, learn] of [['Microsoft.Apm.refresh|Tab("t");', 'refreshtab'], ['Microsoft.Omnichannel.getConversation|s(q);', 'getconversations'], ['Microsoft.CCaaS.StandaloneSDK.presence.getPres|ence();', undefined]] as const) {
      const contents = hoverAt(source)!.contents;
      if (learn) assert.ok(contents.includes(`reference/methods/${learn})`), `${source}: ${contents}`);
      else assert.doesNotMatch(contents, /learn\.microsoft\.com/);
      assert.match(contents, /#diagnostics-and-quick-fixes\)/);
    }
  });

  it('shows a method reached through a destructured alias', () => {
    const h = hoverAt('const { unlinkFromConversation } = Microsoft.Omnichannel;\nunlink|FromConversation("contact", id);');
    assert.match(h!.contents, /\(method\) Microsoft\.Omnichannel\.unlinkFromConversation/);
  });

  it('shows a method reached through an accessor function, as diagnostics see it', () => {
    const h = hoverAt('const getOc = () => parent.Microsoft.Omnichannel;\ngetOc().getConversation|Id().catch(log);');
    assert.match(h!.contents, /\(method\) Microsoft\.Omnichannel\.getConversationId/);
  });

  it('shows the translation framework and the provider property a customization assigns', () => {
    const property = hoverAt('Microsoft.Omnichannel.TranslationFramework.getTranslation|Provider = () => provider;');
    assert.equal(property!.text, 'getTranslationProvider');
    assert.match(property!.contents, /\(property\) Microsoft\.Omnichannel\.TranslationFramework\.getTranslationProvider/);
    assert.match(property!.contents, /workspace calls it/);
    const namespace = hoverAt('Microsoft.Omnichannel.Translation|Framework.getTranslationProvider = () => provider;');
    assert.match(namespace!.contents, /\(namespace\) Microsoft\.Omnichannel\.TranslationFramework/);
  });

  it('marks the preview contact center SDK as preview', () => {
    const h = hoverAt('Microsoft.CCaaS.StandaloneSDK.conversation.getCopilot|Summary(id);');
    assert.match(h!.contents, /\(method\) Microsoft\.CCaaS\.StandaloneSDK\.conversation\.getCopilotSummary\(liveWorkItemId: string\)/);
    assert.match(h!.contents, /\*Preview\*/);
    assert.match(hoverAt('Microsoft.CCaaS.Standalone|SDK.voice.pauseRecording(p);')!.contents, /\*Preview\*/);
  });

  it('shows the entity named in a link call', () => {
    const h = hoverAt('Microsoft.Omnichannel.linkToConversation("inci|dent", id);');
    assert.equal(h!.text, '"incident"');
    assert.match(h!.contents, /\*\*Case\*\*/);
  });

  it('leaves what to use instead of a wrong entity name to the finding, so the hover does not say it twice', () => {
    const h = hoverAt('Microsoft.Omnichannel.linkToConversation("ca|se", id);');
    assert.match(h!.contents, /exactly `account`, `contact` or `incident`/);
    assert.doesNotMatch(h!.contents, /use `"incident"`/i);
  });

  it('shows the parameter an argument fills', () => {
    const h = hoverAt('Microsoft.Omnichannel.linkToConversation("incident", ca|seId, convId);');
    assert.equal(h!.text, 'caseId');
    assert.match(h!.contents, /\(parameter\) recordId: string/);
  });

  it('shows nothing on unrelated code', () => {
    assert.equal(hoverAt('Xrm.WebApi.retrieve|Record("account", id);'), undefined);
    assert.equal(hoverAt('const Microsoft = 1; const x|y = 2;'), undefined);
  });
});

import * as assert from 'node:assert/strict';
import { applyFix, expectFindings } from '../support/markers';

describe('unknown-api-member', () => {
  it('reports near misses of documented members as errors', () => {
    expectFindings(`
  Microsoft.Omnichannel.linkToConverstion("incident", id);
  //                    ^^^^^^^^^^^^^^^^^ unknown-api-member (error)
  window.Microsoft.Omnichannel["LinkToConversation"]("incident", id);
  //                           ^^^^^^^^^^^^^^^^^^^^ unknown-api-member (error)
  Microsoft.Apm.refreshTabs("t");
  //            ^^^^^^^^^^^ unknown-api-member (error)
  Microsoft.Omnichannel.getConversation();
  //                    ^^^^^^^^^^^^^^^ unknown-api-member (error)
`);
  });

  it('reports other undocumented members as warnings that say why, without a rename', () => {
    const [finding, other] = expectFindings(`
  Microsoft.Omnichannel.getLinkedRecords().then(show, log);
  //                    ^^^^^^^^^^^^^^^^ unknown-api-member (warning)
  Microsoft.Apm.doSomethingElse();
  //            ^^^^^^^^^^^^^^^ unknown-api-member (warning)
`);
    assert.equal(finding!.message, 'Prefer a documented member: getLinkedRecords can change without notice.');
    assert.match(finding!.detail!, /^Microsoft\.Omnichannel\.getLinkedRecords is not a documented member; undocumented members can change without notice\./);
    assert.equal(finding!.fixes, undefined);
    assert.match(other!.detail!, /^Microsoft\.Apm\.doSomethingElse is not a documented member/);
  });

  it('does not report documented members, other objects, or an undocumented member that is not called', () => {
    expectFindings(`
  Microsoft.Omnichannel.getConversationId().catch(log);
  Microsoft.Apm.getFocusedSession().getFocusedTab().refresh();
  Microsoft.CIFramework.whatever();
  Microsoft.Other.linkToConverstion();
  myApi.linkToConverstion();
  if (Microsoft.Omnichannel.getLinkedRecords) log("present");
  Microsoft.Omnichannel.LiveChatWidget.SDK.startChat();
`, { rules: ['unknown-api-member'] });
  });

  it('renames a misspelt member, case-insensitively', () => {
    assert.equal(applyFix(`Microsoft.Omnichannel.linkToConverstion("incident", id);`, 'unknown-api-member', { rules: [] }),
      `Microsoft.Omnichannel.linkToConversation("incident", id);`);
    assert.equal(applyFix(`Microsoft.Omnichannel["getconversationid"]();`, 'unknown-api-member'),
      `Microsoft.Omnichannel["getConversationId"]();`);
  });
});

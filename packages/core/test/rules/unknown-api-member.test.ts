import * as assert from 'node:assert/strict';
import { applyFix, expectFindings } from '../support/markers';

describe('unknown-api-member', () => {
  it('reports members Microsoft.Omnichannel and Microsoft.Apm do not have', () => {
    expectFindings(`
  Microsoft.Omnichannel.linkToConverstion("incident", id);
  //                    ^^^^^^^^^^^^^^^^^ unknown-api-member (error)
  window.Microsoft.Omnichannel["LinkToConversation"]("incident", id);
  //                           ^^^^^^^^^^^^^^^^^^^^ unknown-api-member
  Microsoft.Apm.refreshTabs("t");
  //            ^^^^^^^^^^^ unknown-api-member
  Microsoft.Omnichannel.doSomethingElse();
  //                    ^^^^^^^^^^^^^^^ unknown-api-member
`);
  });

  it('does not report documented members or other objects', () => {
    expectFindings(`
  Microsoft.Omnichannel.getConversationId().catch(log);
  Microsoft.Apm.getFocusedSession().getFocusedTab().refresh();
  Microsoft.CIFramework.whatever();
  Microsoft.Other.linkToConverstion();
  myApi.linkToConverstion();
`, { rules: ['unknown-api-member'] });
  });

  it('renames a misspelt member, case-insensitively', () => {
    assert.equal(applyFix(`Microsoft.Omnichannel.linkToConverstion("incident", id);`, 'unknown-api-member', { rules: [] }),
      `Microsoft.Omnichannel.linkToConversation("incident", id);`);
    assert.equal(applyFix(`Microsoft.Omnichannel["getconversationid"]();`, 'unknown-api-member'),
      `Microsoft.Omnichannel["getConversationId"]();`);
  });
});

import * as assert from 'node:assert/strict';
import { applyFix, expectFindings } from '../support/markers';

const only = { rules: ['invalid-arguments' as const] };

describe('invalid-arguments', () => {
  it('reports missing and extra arguments', () => {
    expectFindings(`
  Microsoft.Omnichannel.linkToConversation("incident");
  //                    ^^^^^^^^^^^^^^^^^^ invalid-arguments (error)
  Microsoft.Omnichannel.getConversationId(conversationId);
  //                                      ^^^^^^^^^^^^^^ invalid-arguments
  Microsoft.Omnichannel.linkToConversation("incident", id, conv, true, 2);
  //                                                             ^^^^^^^ invalid-arguments
`, only);
  });

  it('reports literals of the wrong kind', () => {
    expectFindings(`
  Microsoft.Omnichannel.linkToConversation("incident", 42);
  //                                                   ^^ invalid-arguments
  Microsoft.Omnichannel.sendMessageToConversation("hello", "false");
  //                                                       ^^^^^^^ invalid-arguments
  Microsoft.Omnichannel.linkToConversation({ entity: "incident" }, id);
  //                                       ^^^^^^^^^^^^^^^^^^^^^^ invalid-arguments
  Microsoft.Omnichannel.getConversations({ status: [2] });
  //                                     ^^^^^^^^^^^^^^^ invalid-arguments
  Microsoft.Omnichannel.getConversations("agent");
  //                                     ^^^^^^^ invalid-arguments
`, only);
  });

  it('does not report well-formed calls or values it cannot see', () => {
    expectFindings(`
  Microsoft.Omnichannel.linkToConversation("incident", id);
  Microsoft.Omnichannel.linkToConversation("incident", id, conversationId);
  Microsoft.Omnichannel.linkToConversation(...args);
  Microsoft.Omnichannel.sendMessageToConversation({ text: "hi" }, false, conv);
  Microsoft.Omnichannel.sendMessageToConversation(\`Case \${n}\`);
  Microsoft.Omnichannel.getConversations({ agentId: userId, status: [2], orderBy: [{ attributeName: "createdon", descending: true }] }, "corr");
  Microsoft.Omnichannel.getConversations({ ...base });
  Microsoft.Omnichannel.getConversations(input);
  Microsoft.Apm.refreshTab(tabId);
`, only);
  });

  it('turns a quoted boolean into a boolean', () => {
    assert.equal(applyFix(`Microsoft.Omnichannel.sendMessageToConversation("hi", "true").catch(log);`, 'invalid-arguments'),
      `Microsoft.Omnichannel.sendMessageToConversation("hi", true).catch(log);`);
  });
});

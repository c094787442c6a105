import { expectFindings } from '../support/markers';

const only = { rules: ['link-overridden' as const] };

describe('link-overridden', () => {
  it('reports a second link of the same slot to the same conversation', () => {
    expectFindings(`
  async function f(conv) {
    await Microsoft.Omnichannel.linkToConversation("account", a, conv);
    await Microsoft.Omnichannel.linkToConversation("contact", c, conv);
    //                          ^^^^^^^^^^^^^^^^^^ link-overridden (info)
  }
  Microsoft.Omnichannel.linkToConversation("incident", a);
  log("between");
  Microsoft.Omnichannel.linkToConversation("incident", b);
  //                    ^^^^^^^^^^^^^^^^^^ link-overridden
`, only);
  });

  it('does not report different slots, conversations, or links separated by branching', () => {
    expectFindings(`
  async function f(conv, other) {
    await Microsoft.Omnichannel.linkToConversation("account", a, conv);
    await Microsoft.Omnichannel.linkToConversation("incident", c, conv);
    await Microsoft.Omnichannel.linkToConversation("contact", c, other);
    if (x) { return; }
    await Microsoft.Omnichannel.linkToConversation("contact", c, conv);
  }
  if (x) Microsoft.Omnichannel.linkToConversation("incident", a);
  else Microsoft.Omnichannel.linkToConversation("incident", b);
  Microsoft.Omnichannel.unlinkFromConversation("incident", a);
  Microsoft.Omnichannel.linkToConversation("incident", b);
`, only);
  });
});

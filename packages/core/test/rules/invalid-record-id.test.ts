import * as assert from 'node:assert/strict';
import { applyFix, expectFindings } from '../support/markers';

describe('invalid-record-id', () => {
  it('reports ids that are not GUIDs as errors', () => {
    expectFindings(`
  Microsoft.Omnichannel.linkToConversation("incident", "12345");
  //                                                   ^^^^^^^ invalid-record-id (error)
  Microsoft.Omnichannel.linkToConversation("incident", "5a2a6a28-9f8e-4c38-9a4f-1a0b3c2d4e5f", "conv-1");
  //                                                                                           ^^^^^^^^ invalid-record-id (error)
  Microsoft.Omnichannel.openConversation("");
  //                                     ^^ invalid-record-id (error)
`);
  });

  it('rejects braced GUIDs as errors (as the simulator and the panel do); upper case and form id getters are warnings', () => {
    const findings = expectFindings(`
  Microsoft.Omnichannel.linkToConversation("account", "{5A2A6A28-9F8E-4C38-9A4F-1A0B3C2D4E5F}");
  //                                                  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ invalid-record-id (error)
  Microsoft.Omnichannel.linkToConversation("account", "5A2A6A28-9F8E-4C38-9A4F-1A0B3C2D4E5F");
  //                                                  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ invalid-record-id (warning)
  Microsoft.Omnichannel.linkToConversation("account", formContext.data.entity.getId());
  //                                                  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ invalid-record-id (warning)
  Microsoft.Omnichannel.linkToConversation("account", Xrm.Page.data.entity.getId());
  //                                                  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^ invalid-record-id (warning)
`);
    assert.deepEqual(findings.map(f => f.message), [
      'Remove the braces from recordId: use "5a2a6a28-9f8e-4c38-9a4f-1a0b3c2d4e5f".',
      'Lower the case of recordId: use "5a2a6a28-9f8e-4c38-9a4f-1a0b3c2d4e5f".',
      'Remove the braces and lower the case of getId() for recordId.',
      'Remove the braces and lower the case of getId() for recordId.',
    ]);
  });

  it('does not report canonical GUIDs, normalised getters or variables', () => {
    expectFindings(`
  const CASE_ID = "5a2a6a28-9f8e-4c38-9a4f-1a0b3c2d4e5f";
  Microsoft.Omnichannel.linkToConversation("incident", CASE_ID, "0b6d5a3e-1c2f-4e8a-9b7c-6d5e4f3a2b1c");
  Microsoft.Omnichannel.linkToConversation("incident", formContext.data.entity.getId().replace(/[{}]/g, "").toLowerCase());
  Microsoft.Omnichannel.linkToConversation("incident", recordId, conversationId);
  Microsoft.Omnichannel.sendMessageToConversation("not an id", true);
`, { rules: ['invalid-record-id'] });
  });

  it('normalises a braced upper-case GUID', () => {
    assert.equal(applyFix(`Microsoft.Omnichannel.linkToConversation("incident", "{5A2A6A28-9F8E-4C38-9A4F-1A0B3C2D4E5F}");`, 'invalid-record-id'),
      `Microsoft.Omnichannel.linkToConversation("incident", "5a2a6a28-9f8e-4c38-9a4f-1a0b3c2d4e5f");`);
  });

  it('wraps a form id getter', () => {
    assert.equal(applyFix(`Microsoft.Omnichannel.linkToConversation("incident", formContext.data.entity.getId());`, 'invalid-record-id'),
      `Microsoft.Omnichannel.linkToConversation("incident", formContext.data.entity.getId().replace(/[{}]/g, "").toLowerCase());`);
  });

  it('lets the user raise fixable forms to errors', () => {
    expectFindings(`
  Microsoft.Omnichannel.linkToConversation("account", formContext.data.entity.getId());
  //                                                  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ invalid-record-id (error)
`, { settings: { rules: { 'invalid-record-id': 'error' } } });
  });
});

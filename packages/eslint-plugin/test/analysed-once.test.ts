/**
 * The rules of one file share one core analysis. Counted with the plugin's own `analysisCount()`, which
 * counts real analyses: the core's public API has no hook to observe `analyze` being called.
 */
import * as assert from 'node:assert/strict';
import { Linter } from 'eslint';
import plugin = require('../src/index');
import { analysisCount } from '../src/analysis';
import { lint } from './support/lint';

const BAD = [
  'Microsoft.Omnichannel.linkToConversation("case", "{5A2A6A28-9F8E-4C38-9A4F-1A0B3C2D4E5F}");',
  'Microsoft.Omnichannel.linkToConverstion("incident", id);',
  '',
].join('\n');

async function analysesDuring(work: () => Promise<unknown>): Promise<number> {
  const before = analysisCount();
  await work();
  return analysisCount() - before;
}

describe('one analysis per file', () => {
  it('runs the core once for a file that several rules report on', async () => {
    let rules = new Set<string | null>();
    const count = await analysesDuring(async () => {
      rules = new Set((await lint(BAD, [plugin.configs.recommended])).messages.map(m => m.ruleId));
    });
    assert.ok(rules.size >= 4, `expected several rules to report, got ${[...rules].join(', ')}`);
    assert.equal(count, 1);
  });

  it('runs it once per file, also when missing-ui-refresh has options of its own', async () => {
    const config: Linter.Config[] = [
      plugin.configs.recommended,
      { rules: { 'omnichannel/missing-ui-refresh': ['warn', { refreshFunctions: ['refreshCaseTab'] }] } },
    ];
    const count = await analysesDuring(async () => {
      await lint(BAD, config, 'a.js');
      await lint(BAD, config, 'b.js');
    });
    assert.equal(count, 2);
  });

  it('analyses the text again on each --fix pass, so later passes see the fixed text', async () => {
    let output = '';
    const count = await analysesDuring(async () => {
      output = (await lint(BAD, [plugin.configs.recommended], 'link.js', true)).output;
    });
    assert.match(output, /linkToConversation\("incident", "5a2a6a28-9f8e-4c38-9a4f-1a0b3c2d4e5f"\)/);
    assert.match(output, /linkToConversation\("incident", id\)/);
    // One pass that fixes, one that finds nothing more to fix.
    assert.equal(count, 2);
  });

  it('analyses afresh when the same parsed file is linted again with other rules on', () => {
    const linter = new Linter();
    const only = (id: string): Linter.Config[] => [{ plugins: { omnichannel: plugin }, rules: { [`omnichannel/${id}`]: 'error' } }];
    const first = linter.verify(BAD, only('invalid-entity-name'), 'link.js');
    assert.deepEqual(first.map(m => m.ruleId), ['omnichannel/invalid-entity-name']);
    const second = linter.verify(linter.getSourceCode(), only('unknown-api-member'), 'link.js');
    assert.deepEqual(second.map(m => m.ruleId), ['omnichannel/unknown-api-member']);
  });
});

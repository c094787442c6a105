/**
 * The rules read the text, not the tree: they work under typescript-eslint's parser, and their positions and
 * fixes land on the right characters in files with a byte order mark or Windows line ends.
 */
import * as assert from 'node:assert/strict';
import type { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import plugin = require('../src/index');
import { reusedTreeCount } from '../src/analysis';
import { lint, where } from './support/lint';

const TS = [
  'type Entity = "account" | "contact" | "incident";',
  'export async function link(recordId: string, conversationId?: string): Promise<void> {',
  '  const entity = "Incident" as Entity;',
  '  await Microsoft.Omnichannel.linkToConversation<void>("Incident", recordId, conversationId!).catch((e: Error) => e);',
  '  Microsoft.Apm.refreshTab("t");',
  '}',
  '',
].join('\n');

const typescript: Linter.Config[] = [
  { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } },
  plugin.configs.recommended,
];

describe('any parser', () => {
  it('reports and fixes a TypeScript file parsed by typescript-eslint', async () => {
    const { messages } = await lint(TS, typescript, 'link.ts');
    assert.deepEqual(messages.filter(m => m.fatal), []);
    assert.deepEqual(where(messages), ['4:56 omnichannel/invalid-entity-name']);
    assert.equal(messages[0]!.endColumn, 66);
    const fixed = await lint(TS, typescript, 'link.ts', true);
    assert.equal(fixed.output, TS.replace('linkToConversation<void>("Incident"', 'linkToConversation<void>("incident"'));
  });

  it('analyses the tree typescript-eslint made rather than parsing the file again, with the same findings', async () => {
    const js = 'function link(id) {\n  Microsoft.Omnichannel.linkToConversation("case", id).then(() => Microsoft.Apm.refreshTab("t")).catch(e => e);\n}\n';
    const before = reusedTreeCount();
    const withTs = await lint(js, [{ files: ['**/*.js'], languageOptions: { parser: tseslint.parser } }, plugin.configs.recommended], 'link.js');
    assert.equal(reusedTreeCount(), before + 1);
    const withEspree = await lint(js, [plugin.configs.recommended], 'link.js');
    assert.equal(reusedTreeCount(), before + 1);
    assert.deepEqual(where(withTs.messages), ['2:44 omnichannel/invalid-entity-name']);
    assert.deepEqual(withTs.messages, withEspree.messages);
  });

  it('needs no tree of its own: the same TypeScript under ESLint\'s default parser is only a parse error', async () => {
    const { messages } = await lint(TS, [{ files: ['**/*.ts'] }, plugin.configs.recommended], 'link.ts');
    assert.deepEqual(messages.map(m => [m.fatal, m.ruleId]), [[true, null]]);
  });
});

describe('positions in the text', () => {
  const CALL = 'Microsoft.Omnichannel.linkToConversation("case", id).then(() => Microsoft.Apm.refreshTab("t")).catch(e => e);';

  it('are the same with and without a byte order mark, and --fix keeps the mark', async () => {
    const plain = await lint(`// first line\n${CALL}\n`, [plugin.configs.recommended]);
    const withBom = await lint(`\uFEFF// first line\n${CALL}\n`, [plugin.configs.recommended]);
    assert.deepEqual(where(plain.messages), ['2:42 omnichannel/invalid-entity-name']);
    assert.deepEqual(withBom.messages, plain.messages);
    const fixed = await lint(`\uFEFF// first line\n${CALL}\n`, [plugin.configs.recommended], 'link.js', true);
    assert.equal(fixed.output, `\uFEFF// first line\n${CALL.replace('"case"', '"incident"')}\n`);
  });

  it('count Windows line ends as one break, and a suggestion keeps them', async () => {
    const code = 'async function link(id) {\r\n  // a comment\r\n  await Microsoft.Omnichannel.linkToConversation("incident", id).catch(e => e);\r\n}\r\n';
    const { messages } = await lint(code, [plugin.configs.recommended]);
    assert.deepEqual(where(messages), ['3:31 omnichannel/missing-ui-refresh']);
    const suggestion = messages[0]!.suggestions![0]!;
    const applied = code.slice(0, suggestion.fix.range[0]) + suggestion.fix.text + code.slice(suggestion.fix.range[1]);
    assert.equal(applied, code.replace('.catch(e => e);\r\n', '.catch(e => e);\r\n  Microsoft.Apm.getFocusedSession().getFocusedTab().refresh();\r\n'));
  });
});

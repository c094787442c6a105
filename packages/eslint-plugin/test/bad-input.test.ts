/**
 * Input the analysis cannot or should not handle never ends an ESLint run: a binary file, a file too deeply
 * nested for the core's parser, one above maxFileSize. Each is at most one message; a wrong option is
 * ESLint's own configuration error, a wrong value the core can only ignore is a message.
 */
import * as assert from 'node:assert/strict';
import type { Linter } from 'eslint';
import plugin = require('../src/index');
import { lint, where } from './support/lint';

// What a lenient third-party parser (a template language's, say) hands over: a tree with nothing in it.
// ESLint's own parser rejects such text before any rule runs, so only this lets the rules see it.
const lenient: Linter.Parser = {
  meta: { name: 'lenient' },
  parse(text: string) {
    const lines = text.split(/\r\n|[\r\n\u2028\u2029]/);
    const end = { line: lines.length, column: lines[lines.length - 1]!.length };
    return { type: 'Program', body: [], sourceType: 'script', range: [0, text.length], loc: { start: { line: 1, column: 0 }, end }, tokens: [], comments: [] } as unknown as ReturnType<Extract<Linter.Parser, { parse: unknown }>['parse']>;
  },
};
const recommended: Linter.Config[] = [plugin.configs.recommended];
const leniently: Linter.Config[] = [...recommended, { languageOptions: { parser: lenient } }];
const BINARY = Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 37) % 256)).toString('latin1');
const BAD = 'Microsoft.Omnichannel.linkToConversation("case", id).then(() => Microsoft.Apm.refreshTab("t")).catch(e => e);\n';
const DEEP = `Microsoft.Omnichannel.linkToConversation("case", ${'['.repeat(5000)}${']'.repeat(5000)});\n`;

describe('bad input', () => {
  it('a binary file is only ESLint\'s parse error', async () => {
    const { messages } = await lint(BINARY, recommended);
    assert.deepEqual(messages.map(m => [m.fatal, m.ruleId]), [[true, null]]);
  });

  it('a binary file that a lenient parser lets through is read without a crash and without findings', async () => {
    assert.deepEqual((await lint(BINARY, leniently)).messages, []);
  });

  it('a file nested too deeply for the core is one message at 1:1 from the first rule that is on', async () => {
    const { messages } = await lint(DEEP, leniently);
    assert.deepEqual(where(messages), ['1:1 omnichannel/invalid-entity-name']);
    assert.match(messages[0]!.message, /link\.js is nested too deeply to parse .*: not analysed\./);
    // First in the README's table, not in the config: the config below turns link-overridden on first.
    const two: Linter.Config[] = [{
      plugins: { omnichannel: plugin },
      languageOptions: { parser: lenient },
      rules: { 'omnichannel/link-overridden': 'warn', 'omnichannel/invalid-record-id': 'error' },
    }];
    assert.deepEqual(where((await lint(DEEP, two)).messages), ['1:1 omnichannel/invalid-record-id']);
  });

  it('a file above settings.omnichannel.maxFileSize is one message saying so, and nothing else', async () => {
    const { messages } = await lint(BAD, [...recommended, { settings: { omnichannel: { maxFileSize: 50 } } }]);
    assert.deepEqual(where(messages), ['1:1 omnichannel/invalid-entity-name']);
    assert.equal(messages[0]!.message, `link.js is ${BAD.length} characters, above settings.omnichannel.maxFileSize (50): not analysed. Raise the setting to analyse it.`);
  });

  it('a maxFileSize that is no number is one message, and the file is analysed with the default', async () => {
    const { messages } = await lint(BAD, [...recommended, { settings: { omnichannel: { maxFileSize: 'big' } } }]);
    assert.deepEqual(where(messages), ['1:1 omnichannel/invalid-entity-name', '1:42 omnichannel/invalid-entity-name']);
    assert.match(messages[0]!.message, /^settings\.omnichannel\.maxFileSize: expected a number of characters, 0 or more, got "big"; using 4194304\.$/);
  });

  it('an unknown option is ESLint\'s configuration error naming it', async () => {
    const config: Linter.Config[] = [...recommended, { rules: { 'omnichannel/missing-ui-refresh': ['warn', { refreshFunction: ['refreshCaseTab'] }] } }];
    await assert.rejects(lint(BAD, config), /omnichannel\/missing-ui-refresh[\s\S]*Unexpected property "refreshFunction"/);
  });

  it('an option for a rule that takes none is ESLint\'s configuration error', async () => {
    const config: Linter.Config[] = [...recommended, { rules: { 'omnichannel/invalid-entity-name': ['error', { strict: true }] } }];
    await assert.rejects(lint(BAD, config), /omnichannel\/invalid-entity-name[\s\S]*should NOT have more than 0 items/);
  });

  it('a refresh function that is no name is one message from missing-ui-refresh, and the others still count', async () => {
    const code = 'Microsoft.Omnichannel.linkToConversation("incident", id).then(() => refreshCaseTab()).catch(e => e);\n';
    const config: Linter.Config[] = [...recommended, { rules: { 'omnichannel/missing-ui-refresh': ['warn', { refreshFunctions: ['refreshCaseTab', 'refresh the tab'] }] } }];
    const { messages } = await lint(code, config);
    assert.deepEqual(where(messages), ['1:1 omnichannel/missing-ui-refresh']);
    assert.equal(messages[0]!.message, 'Options of omnichannel/missing-ui-refresh: refreshFunctions[1]: "refresh the tab" is not a function name (letters, digits, _ and $, dotted like Utils.refreshUi); ignored.');
  });
});

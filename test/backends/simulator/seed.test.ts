import * as assert from 'node:assert/strict';
import { checkSimulatorData, loadSimulatorSeed, SAMPLE_DATA, seedHash } from '../../../src/backends/simulator';

const FILE = '.omnichannel/simulator.json';
const C1 = '11111111-1111-4111-8111-111111111111';
const C2 = '22222222-2222-4222-8222-222222222222';
const A1 = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const K1 = 'cccccccc-cccc-4ccc-8ccc-cccccccccccc';

const messages = (text: string) => loadSimulatorSeed(text, FILE).errors.map(e => e.text);

describe('simulator seed file', () => {
  it('the built-in sample data is a valid seed', () => {
    const checked = checkSimulatorData(SAMPLE_DATA);
    assert.deepEqual(checked.problems, []);
    assert.deepEqual(checked.data, SAMPLE_DATA);
    assert.equal(SAMPLE_DATA.conversations.filter(c => c.statuscode === 2).length >= 1, true);
    assert.ok(SAMPLE_DATA.conversations.some(c => c.id === SAMPLE_DATA.focusedConversationId && c.statuscode === 2));
  });

  it('reads a valid file with comments and trailing commas, lower-casing ids', () => {
    const text = `{
  // the agent's current chat
  "focusedConversationId": "${C1.toUpperCase()}",
  "conversations": [
    { "id": "${C1}", "title": "Chat", "statuscode": 2, "customer": { "entity": "account", "id": "${A1.toUpperCase()}" } },
  ],
  "records": { "account": [{ "id": "${A1}", "name": "Contoso" }] },
}`;
    const result = loadSimulatorSeed(text, FILE);
    assert.deepEqual(result.errors, []);
    assert.equal(result.seed?.focusedConversationId, C1);
    assert.deepEqual(result.seed?.conversations[0].customer, { entity: 'account', id: A1 });
    assert.equal(result.seed?.conversations[0].case, null);
    assert.deepEqual(result.seed?.records.incident, []);
  });

  it('names file, line, column and field of a wrong statuscode', () => {
    const text = [
      '{',
      '  "conversations": [',
      `    { "id": "${C1}", "title": "A", "statuscode": 2 },`,
      `    { "id": "${C2}", "title": "B",`,
      '      "statuscode": "2" }',
      '  ]',
      '}',
    ].join('\n');
    const result = loadSimulatorSeed(text, FILE);
    assert.equal(result.seed, undefined);
    assert.deepEqual(result.errors.map(e => e.text), ['.omnichannel/simulator.json:5:21: conversations[1].statuscode must be an integer from 1 to 7 (got "2").']);
    assert.equal(result.errors[0].field, 'conversations[1].statuscode');
    assert.equal(text.slice(result.errors[0].offset, (result.errors[0].offset ?? 0) + (result.errors[0].length ?? 0)), '"2"');
  });

  it('counts lines the same with Windows line endings', () => {
    const text = ['{', '  "conversations": [', `    { "id": "${C1}", "title": "A", "statuscode": 0 }`, '  ]', '}'].join('\r\n');
    const [error] = loadSimulatorSeed(text, FILE).errors;
    assert.equal(`${error.line}:${error.column}`, `3:${text.split('\r\n')[2].indexOf(': 0') + 3}`);
  });

  it('reports a syntax error with its position and does not return a seed', () => {
    const text = '{\n  "conversations": [\n    { "id": "x" "title": "A" }\n  ]\n}';
    const result = loadSimulatorSeed(text, FILE);
    assert.equal(result.seed, undefined);
    assert.equal(result.errors[0].text, '.omnichannel/simulator.json:3:17: JSON syntax error: expected "," between values.');
  });

  it('reports an empty file', () => {
    assert.deepEqual(messages('  \n'), ['.omnichannel/simulator.json:1:1: the file is empty: it must contain a JSON object.']);
  });

  it('points at an unknown property and suggests the known spelling', () => {
    const text = `{\n  "conversations": [],\n  "Records": {}\n}`;
    assert.deepEqual(messages(text), ['.omnichannel/simulator.json:3:3: Records is not a known property: did you mean "records"?']);
  });

  it('names a missing property and a braced id', () => {
    const text = `{ "conversations": [ { "id": "{${C1}}", "statuscode": 2 } ] }`;
    assert.deepEqual(messages(text), [
      `.omnichannel/simulator.json:1:22: conversations[0].title is missing: the conversation's title, as the panel shows it.`,
      `.omnichannel/simulator.json:1:30: conversations[0].id must be a GUID like 5a2a6a28-9f8e-4c38-9a4f-1a0b3c2d4e5f (hyphenated, no braces) (got "{${C1}}").`,
    ]);
  });

  it('rejects duplicate conversation ids (case-insensitively)', () => {
    const text = `{ "conversations": [ { "id": "${C1}", "title": "A", "statuscode": 2 }, { "id": "${C1.toUpperCase()}", "title": "B", "statuscode": 2 } ] }`;
    const [error] = loadSimulatorSeed(text, FILE).errors;
    assert.equal(error.field, 'conversations[1].id');
    assert.match(error.message, /is already the id of conversations\[0\]: conversation ids must be unique\.$/);
  });

  it('rejects a focused id that is not among the conversations', () => {
    const text = `{ "focusedConversationId": "${C2}", "conversations": [ { "id": "${C1}", "title": "A", "statuscode": 2 } ] }`;
    const [error] = loadSimulatorSeed(text, FILE).errors;
    assert.equal(error.field, 'focusedConversationId');
    assert.equal(error.column, 28);
    assert.match(error.message, /is not the id of any conversation/);
  });

  it('rejects links that point at records not listed', () => {
    const text = `{
  "conversations": [
    { "id": "${C1}", "title": "A", "statuscode": 2, "customer": { "entity": "contact", "id": "${A1}" }, "case": { "id": "${K1}" } }
  ],
  "records": { "account": [{ "id": "${A1}", "name": "Contoso" }] }
}`;
    const errors = loadSimulatorSeed(text, FILE).errors;
    assert.deepEqual(errors.map(e => e.field), ['conversations[0].customer.id', 'conversations[0].case.id']);
    assert.equal(errors[0].message, `"${A1}" is not among records.contact: add { "id": "${A1}", "name": "…" } to records.contact, or link a record that is listed there.`);
    assert.equal(errors[0].line, 3);
  });

  it('the seed hash changes with the content and ignores id case', () => {
    const base = checkSimulatorData(SAMPLE_DATA).data!;
    const upper = checkSimulatorData({ ...SAMPLE_DATA, focusedConversationId: SAMPLE_DATA.focusedConversationId?.toUpperCase() }).data!;
    assert.equal(seedHash(base), seedHash(upper));
    assert.notEqual(seedHash(base), seedHash({ ...base, focusedConversationId: null }));
  });

  it('reports a file nested 2,600 deep with line and column, and yields no seed', () => {
    const text = `{\n  "conversations": [],\n  "records": { "account": ${'['.repeat(2600)}${']'.repeat(2600)} }\n}`;
    const result = loadSimulatorSeed(text, FILE);
    assert.equal(result.seed, undefined);
    // Levels 1 and 2 are the file's object and "records"; level 65 is the 63rd "[", at column 27 + 62.
    assert.deepEqual(result.errors.map(e => e.text), [
      `${FILE}:3:89: nested too deeply (more than 64 levels) at line 3, column 89: a few levels are all it needs, so check the brackets opened before that point.`,
    ]);
  });

  it('names the field of a parsed value nested too deeply instead of failing', () => {
    let deep: unknown = 'Contoso';
    for (let i = 0; i < 10_000; i++) deep = { name: deep };
    const checked = checkSimulatorData({ conversations: [], records: { account: [{ id: A1, name: deep }] } });
    assert.equal(checked.data, undefined);
    assert.equal(checked.problems.length, 1);
    assert.match(checked.problems[0]!, /^records\.account\[0\](\.name){61} is nested too deeply \(more than 64 levels\)/);
  });
});

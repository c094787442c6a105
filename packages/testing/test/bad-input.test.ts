/** Every misuse gets an error that says what is wrong and how to fix it. */
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { installOmnichannel, type DoubleMethod, type SeedInput } from '../src';

const CONVERSATION = '5a2a6a28-9f8e-4c38-9a4f-1a0b3c2d4e5f';
const ACCOUNT = 'b526a563-0ee6-4354-878e-46d77f84ddb1';

describe('installOmnichannel: bad input', () => {
  afterEach(() => {
    delete (globalThis as { Microsoft?: unknown }).Microsoft;
  });

  it('a second install without uninstall says to uninstall first', () => {
    const handle = installOmnichannel();
    try {
      assert.throws(() => installOmnichannel(), /already installed on this target.*call uninstall\(\) on its handle first/);
      assert.equal((globalThis as { Microsoft?: unknown }).Microsoft, handle.Microsoft);
    } finally {
      handle.uninstall();
    }
  });

  it('a second install on another target is fine', () => {
    const first = installOmnichannel();
    const second = installOmnichannel({ target: {} });
    first.uninstall();
    second.uninstall();
  });

  it('a seed object that breaks the schema names the field and what it must be', () => {
    const seed = { conversations: [{ id: CONVERSATION, title: 'Chat', statuscode: 9 }] };
    assert.throws(() => installOmnichannel({ seed }), /the seed is not a valid simulator seed[\s\S]*conversations\[0\]\.statuscode must be an integer from 1 to 7/);
    assert.equal('Microsoft' in globalThis, false);
  });

  it('a seed with a braced id, an unknown property, or a link to a missing record names each field', () => {
    const braced = { conversations: [{ id: `{${CONVERSATION}}`, title: 'Chat', statuscode: 2 }] };
    assert.throws(() => installOmnichannel({ seed: braced }), /conversations\[0\]\.id must be a GUID like .* \(hyphenated, no braces\)/);
    const typo = { conversations: [{ id: CONVERSATION, title: 'Chat', statusCode: 2 }] } as unknown as SeedInput;
    assert.throws(() => installOmnichannel({ seed: typo }), /conversations\[0\]\.statusCode is not a known property: did you mean "statuscode"\?/);
    const dangling = { conversations: [{ id: CONVERSATION, title: 'Chat', statuscode: 2, customer: { entity: 'account' as const, id: ACCOUNT } }] };
    assert.throws(() => installOmnichannel({ seed: dangling }), /conversations\[0\]\.customer\.id "b526a563-.*" is not among records\.account: add/);
  });

  it('a seed file is read and checked with line and column; a good one is used', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'omnichannel-testing-'));
    try {
      const bad = path.join(dir, 'bad.json');
      writeFileSync(bad, `{\n  "conversations": [\n    { "id": "${CONVERSATION}", "title": "", "statuscode": 2 }\n  ]\n}\n`);
      assert.throws(() => installOmnichannel({ seed: bad }), /bad\.json:3:\d+: conversations\[0\]\.title must not be empty/);
      const good = path.join(dir, 'simulator.json');
      writeFileSync(good, `{\n  // comments are allowed\n  "focusedConversationId": "${CONVERSATION.toUpperCase()}",\n  "conversations": [{ "id": "${CONVERSATION}", "title": "Chat", "statuscode": 2 }],\n}\n`);
      const handle = installOmnichannel({ seed: good });
      assert.equal(handle.state().focusedConversationId, CONVERSATION);
      handle.uninstall();
      assert.throws(() => installOmnichannel({ seed: path.join(dir, 'missing.json') }), /the seed file ".*missing\.json" cannot be read/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a seed that is not an object says what it must be', () => {
    assert.throws(() => installOmnichannel({ seed: 42 as unknown as SeedInput }), /seed must be an object in the shape of \.omnichannel\/simulator\.json, or the path of such a file \(got 42\)/);
  });

  it('an unknown linkableStatus lists the two values', () => {
    assert.throws(() => installOmnichannel({ linkableStatus: 'closed' as 'open' }), /linkableStatus must be "active" or "open" \(got "closed"\)/);
  });

  it('failNext with an unknown method lists the methods, and suggests the short name for a qualified one', () => {
    const handle = installOmnichannel();
    try {
      assert.throws(() => handle.failNext('linkToConvo' as DoubleMethod, new Error('x')), /failNext: "linkToConvo" is not a method of the double: use one of "linkToConversation", .*"refresh"/);
      assert.throws(
        () => handle.failNext('Microsoft.Omnichannel.linkToConversation' as DoubleMethod, new Error('x')),
        /Pass the method's own name, e\.g\. "linkToConversation"/,
      );
    } finally {
      handle.uninstall();
    }
  });

  it('focus() with an id the seed lacks lists the conversations', () => {
    const handle = installOmnichannel();
    try {
      assert.throws(() => handle.focus('nope'), /focus: "nope" is not the id of a conversation in the seed: pass one of cac0dcce-.* \(Chat: printer keeps jamming on tray 2\)/);
    } finally {
      handle.uninstall();
    }
  });
});

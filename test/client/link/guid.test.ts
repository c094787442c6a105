import * as assert from 'node:assert/strict';
import { readGuidInput } from '../../../src/client/link/guid';
import { isCanonicalGuid } from '../../../src/protocol/guid';

describe('client: GUID input', () => {
  it('accepts the canonical form unchanged', () => {
    assert.deepEqual(readGuidInput(' 5a2a6a28-9f8e-4c38-9a4f-1a0b3c2d4e5f '), { kind: 'valid', guid: '5a2a6a28-9f8e-4c38-9a4f-1a0b3c2d4e5f' });
  });

  it('refuses the braced form getId() returns with the editor\'s message, offering the id without braces', () => {
    assert.deepEqual(readGuidInput('{5A2A6A28-9F8E-4C38-9A4F-1A0B3C2D4E5F}'), {
      kind: 'braced',
      guid: '5a2a6a28-9f8e-4c38-9a4f-1a0b3c2d4e5f',
      message: 'Remove the braces from recordId: use "5a2a6a28-9f8e-4c38-9a4f-1a0b3c2d4e5f".',
    });
  });

  it('normalises upper case, saying what changed', () => {
    const read = readGuidInput('5A2A6A28-9F8E-4C38-9A4F-1A0B3C2D4E5F');
    assert.ok(read.kind === 'normalised');
    assert.equal(read.hint, 'Will be sent as 5a2a6a28-9f8e-4c38-9a4f-1a0b3c2d4e5f (lower-cased).');
  });

  it('adds missing hyphens', () => {
    const read = readGuidInput('5a2a6a289f8e4c389a4f1a0b3c2d4e5f');
    assert.ok(read.kind === 'normalised');
    assert.equal(read.guid, '5a2a6a28-9f8e-4c38-9a4f-1a0b3c2d4e5f');
  });

  it('rejects non-GUIDs and unbalanced braces with a sentence showing the expected form', () => {
    for (const bad of ['abc', '5a2a6a28-9f8e-4c38-9a4f-1a0b3c2d4e5', '{5a2a6a28-9f8e-4c38-9a4f-1a0b3c2d4e5f', 'g a2a6a28-9f8e-4c38-9a4f-1a0b3c2d4e5f']) {
      const read = readGuidInput(bad);
      assert.equal(read.kind, 'invalid', bad);
      assert.ok(read.kind === 'invalid' && read.message.includes('is not a GUID'), bad);
    }
  });

  it('treats blank input as empty, not as an error', () => {
    assert.deepEqual(readGuidInput('   '), { kind: 'empty' });
  });

  it('isCanonicalGuid rejects upper case and braces', () => {
    assert.equal(isCanonicalGuid('5a2a6a28-9f8e-4c38-9a4f-1a0b3c2d4e5f'), true);
    assert.equal(isCanonicalGuid('5A2A6A28-9F8E-4C38-9A4F-1A0B3C2D4E5F'), false);
    assert.equal(isCanonicalGuid('{5a2a6a28-9f8e-4c38-9a4f-1a0b3c2d4e5f}'), false);
  });
});

/** The record id field's live check: what the user sees for each kind of input. */
import * as assert from 'node:assert/strict';
import { checkRecordId } from '../../src/panel/webview/record-id';

const ID = '5a2a6a28-9f8e-4c38-9a4f-1a0b3c2d4e5f';

describe('checkRecordId', function () {
  it('accepts the API form as is, and treats blank as empty', function () {
    assert.deepEqual(checkRecordId(ID), { kind: 'valid', id: ID });
    assert.deepEqual(checkRecordId(`  ${ID} `), { kind: 'valid', id: ID }, 'surrounding spaces (a paste) are ignored');
    assert.deepEqual(checkRecordId('   '), { kind: 'empty' });
  });

  it('refuses the {UPPER-CASE} form getId() returns with the editor\'s and the simulator\'s message, naming the id to use', function () {
    assert.deepEqual(checkRecordId(`{${ID.toUpperCase()}}`), { kind: 'invalid', error: `Remove the braces from recordId: use "${ID}".` });
  });

  it('normalises upper case, saying so', function () {
    const check = checkRecordId(ID.toUpperCase());
    assert.equal(check.kind === 'normalised' && check.id, ID);
    assert.match(check.kind === 'normalised' ? check.hint : '', /lower-cased/);
  });

  it('adds hyphens to 32 bare hex digits', function () {
    const check = checkRecordId(ID.replace(/-/g, ''));
    assert.equal(check.kind === 'normalised' && check.id, ID);
    assert.match(check.kind === 'normalised' ? check.hint : '', /hyphens added/);
  });

  it('explains why other input is not a GUID', function () {
    const cases: [string, RegExp][] = [
      ['contoso', /"o" is not a hexadecimal digit/],
      [ID.slice(0, -1), /31 hex digits instead of 32/],
      [`{${ID}`, /Unbalanced braces/],
      ['5a2a6a289f8e-4c38-9a4f-1a0b-3c2d4e5f', /8-4-4-4-12/],
    ];
    for (const [input, error] of cases) {
      const check = checkRecordId(input);
      assert.equal(check.kind, 'invalid', input);
      assert.match(check.kind === 'invalid' ? check.error : '', error, input);
    }
  });
});

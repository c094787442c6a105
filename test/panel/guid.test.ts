/**
 * The shared GUID reader that the quick pick, the panel, the backends and the sign-in checks all use:
 * what it accepts, how it names each departure from the API's form, and that the schemas state its rule.
 */
import * as assert from 'node:assert/strict';
import { CANONICAL_GUID_PATTERN, HYPHENATED_GUID_PATTERN, guidTolerating, readGuid, readTypedGuid, startsLikeGuid } from '../../src/protocol/guid';
import environments from '../../schemas/environments.schema.json';
import { SIMULATOR_SCHEMA } from '@omnichannel-tools/testing/simulator';
import messages from '../../schemas/webview-messages.schema.json';

const ID = '5a2a6a28-9f8e-4c38-9a4f-1a0b3c2d4e5f';

describe('GUID reader', function () {
  it('reads the API form with no departures, and names each other form', function () {
    assert.deepEqual(readGuid(ID), { kind: 'guid', guid: ID, departures: [] });
    assert.deepEqual(readGuid(` {${ID.toUpperCase()}} `), { kind: 'guid', guid: ID, departures: ['spaces', 'braces', 'upper-case'] });
    assert.deepEqual(readGuid(`{${ID.replace(/-/g, '')}}`), { kind: 'guid', guid: ID, departures: ['braces', 'no-hyphens'] });
    assert.deepEqual(readGuid(' \t'), { kind: 'empty' });
  });

  it('says why a text is not a GUID', function () {
    const reasons: [string, string][] = [
      [`{${ID}`, 'unbalanced braces (a GUID is either {…} or bare)'],
      ['contoso', '"o" is not a hexadecimal digit'],
      [ID.slice(0, -1), '31 hex digits instead of 32'],
      ['5a2a6a289f8e-4c38-9a4f-1a0b3c2d4e5f', 'the hyphens must split it 8-4-4-4-12'],
    ];
    for (const [text, reason] of reasons) assert.deepEqual(readGuid(text), { kind: 'invalid', reason }, text);
  });

  it('tolerates only the departures a caller allows', function () {
    assert.equal(guidTolerating(` ${ID.toUpperCase()} `, ['spaces', 'upper-case']), ID);
    assert.equal(guidTolerating(`{${ID}}`, ['spaces', 'upper-case']), undefined);
    assert.equal(guidTolerating('contoso', ['spaces', 'braces', 'upper-case', 'no-hyphens']), undefined);
  });

  it('normalises typed text, naming the visible changes but not the spaces', function () {
    assert.deepEqual(readTypedGuid(`  ${ID} `), { kind: 'valid', guid: ID });
    assert.deepEqual(readTypedGuid(ID.toUpperCase().replace(/-/g, '')), { kind: 'normalised', guid: ID, changes: 'lower-cased, hyphens added' });
    assert.deepEqual(readTypedGuid(`{${ID.toUpperCase()}}`, 'conversationId'), { kind: 'braced', guid: ID, message: `Remove the braces from conversationId: use "${ID}".` });
  });

  it('tells an id being typed from a name', function () {
    assert.equal(startsLikeGuid(' {5A2A6A28-9f'), true);
    assert.equal(startsLikeGuid('5a2a6a28'), false);
    assert.equal(startsLikeGuid('Contoso'), false);
  });

  it('is the rule the schemas state', function () {
    assert.equal(messages.definitions.guid.pattern, CANONICAL_GUID_PATTERN);
    assert.equal((SIMULATOR_SCHEMA as { definitions: { guid: { pattern: string } } }).definitions.guid.pattern, HYPHENATED_GUID_PATTERN);
    const servicePrincipal = environments.definitions.environment.properties.authentication.oneOf
      .find(branch => 'clientId' in branch.properties) as { properties: { clientId: { pattern: string } } } | undefined;
    assert.equal(servicePrincipal?.properties.clientId.pattern, HYPHENATED_GUID_PATTERN);
  });
});

/**
 * The webview message schema agrees with the `WebviewToHost` union: typed samples of every message type
 * (the compiler checks them against the union) pass the schema, and broken ones fail with a message
 * naming the field.
 */
import * as assert from 'node:assert/strict';
import { validateWebviewMessage } from '../../src/panel/host/validate';
import { WEBVIEW_TO_HOST_TYPES } from '../../src/protocol/webview';
import type { WebviewToHost } from '../../src/protocol/webview';
import schema from '../../schemas/webview-messages.schema.json';

const GUID = '5a2a6a28-9f8e-4c38-9a4f-1a0b3c2d4e5f';
const OTHER = '0f8fad5b-d9cb-469f-a165-70867728950e';

/** Valid samples per type; a `Record` over the union's `type`s, so a new message needs a sample. */
const VALID: { [T in WebviewToHost['type']]: Extract<WebviewToHost, { type: T }>[] } = {
  ready: [{ type: 'ready' }],
  refreshConversations: [{ type: 'refreshConversations' }],
  searchRecords: [
    { type: 'searchRecords', requestId: 0, entityLogicalName: 'account', text: 'contoso' },
    { type: 'searchRecords', requestId: 7, entityLogicalName: 'incident', text: 'CAS-01' },
  ],
  run: [
    { type: 'run', method: 'linkToConversation', request: { entityLogicalName: 'incident', recordId: GUID, conversationId: OTHER } },
    { type: 'run', method: 'unlinkFromConversation', request: { entityLogicalName: 'contact', recordId: GUID } },
  ],
  cancel: [{ type: 'cancel' }],
  clearHistory: [{ type: 'clearHistory' }],
  copyAsCode: [{ type: 'copyAsCode', entryId: 'call-1' }],
  selectEnvironment: [{ type: 'selectEnvironment' }],
  rerun: [{ type: 'rerun', entryId: 'call-1' }],
  undo: [{ type: 'undo', entryId: 'call-1' }],
  insertAtCursor: [{ type: 'insertAtCursor', entryId: 'call-1' }],
  signIn: [{ type: 'signIn' }],
  openSettings: [{ type: 'openSettings' }],
  publishWebResource: [{ type: 'publishWebResource', file: 'webresources/case-form.js' }],
  pullWebResource: [{ type: 'pullWebResource', file: 'webresources/case-form.js' }],
  publishAllWebResources: [{ type: 'publishAllWebResources' }],
  mapWebResource: [{ type: 'mapWebResource', file: 'webresources/new-form.js' }],
  openMappingProblem: [{ type: 'openMappingProblem', index: 0 }],
  manageTrust: [{ type: 'manageTrust' }],
  openFolder: [{ type: 'openFolder' }],
  addEnvironment: [{ type: 'addEnvironment' }],
};

const INVALID: { message: unknown; error: RegExp }[] = [
  { message: null, error: /must be object/ },
  { message: 'ready', error: /must be object/ },
  { message: {}, error: /missing "type"/ },
  { message: { type: 42 }, error: /no string "type"|must be string/ },
  { message: { type: 'deleteEverything' }, error: /"deleteEverything" is not a known message type/ },
  { message: { type: 'ready', extra: true }, error: /unexpected property "extra"/ },
  { message: { type: 'searchRecords', requestId: 1, entityLogicalName: 'case', text: 'x' }, error: /field "entityLogicalName" must be one of "account", "contact", "incident"/ },
  { message: { type: 'searchRecords', requestId: -1, entityLogicalName: 'account', text: 'x' }, error: /field "requestId"/ },
  { message: { type: 'searchRecords', requestId: 1, entityLogicalName: 'account', text: '' }, error: /field "text"/ },
  { message: { type: 'run', method: 'linkToConversation', request: { entityLogicalName: 'incident', recordId: `{${GUID.toUpperCase()}}` } }, error: /field "request\.recordId" must be a GUID in lower case/ },
  { message: { type: 'run', method: 'linkToConversation', request: { entityLogicalName: 'incident', recordId: GUID, conversationId: 'focused' } }, error: /field "request\.conversationId" must be a GUID/ },
  { message: { type: 'run', method: 'getConversationId', request: { entityLogicalName: 'incident', recordId: GUID } }, error: /field "method" must be one of/ },
  { message: { type: 'run', method: 'linkToConversation' }, error: /missing "request"/ },
  { message: { type: 'run', method: 'linkToConversation', request: { entityLogicalName: 'incident', recordId: GUID, token: 'x' } }, error: /field "request" has an unexpected property "token"/ },
  { message: { type: 'copyAsCode' }, error: /missing "entryId"/ },
  { message: { type: 'undo', entryId: '' }, error: /field "entryId"/ },
  { message: { type: 'signIn', environment: 'Contoso' }, error: /unexpected property "environment"/ },
  { message: { type: 'publishWebResource' }, error: /missing "file"/ },
  { message: { type: 'publishWebResource', file: '' }, error: /field "file"/ },
  { message: { type: 'openMappingProblem', index: -1 }, error: /field "index"/ },
];

describe('webview message schema', function () {
  it('has a sample for every message type of the protocol, and a schema branch for each', function () {
    assert.deepEqual(Object.keys(VALID).sort(), [...WEBVIEW_TO_HOST_TYPES].sort());
    const branches = Object.entries(schema.definitions)
      .filter(([, def]) => typeof def === 'object' && 'properties' in def && 'type' in (def as { properties: object }).properties)
      .map(([name]) => name);
    assert.deepEqual(branches.sort(), [...WEBVIEW_TO_HOST_TYPES].sort());
  });

  for (const [type, samples] of Object.entries(VALID)) {
    it(`accepts valid "${type}" messages`, function () {
      for (const sample of samples) {
        const result = validateWebviewMessage(sample);
        assert.ok(result.ok, `${JSON.stringify(sample)} was rejected: ${result.ok ? '' : result.error}`);
      }
    });
  }

  for (const { message, error } of INVALID) {
    it(`rejects ${JSON.stringify(message)} saying what is wrong`, function () {
      const result = validateWebviewMessage(message);
      assert.equal(result.ok, false, 'the message passed');
      assert.match(result.ok ? '' : result.error, error);
    });
  }
});

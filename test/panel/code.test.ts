/** "Copy as code" gives a call a customization can paste: refresh on success, rejection handled. */
import * as assert from 'node:assert/strict';
import { callAsCode } from '../../src/panel/host/code';

const RECORD = '5a2a6a28-9f8e-4c38-9a4f-1a0b3c2d4e5f';
const CONVERSATION = '0f8fad5b-d9cb-469f-a165-70867728950e';

describe('callAsCode', function () {
  it('writes the link call with the configured refresh and a catch', function () {
    assert.equal(
      callAsCode('linkToConversation', { entityLogicalName: 'incident', recordId: RECORD, conversationId: CONVERSATION }, 'Microsoft.Apm.refreshTab("tab-id-3")'),
      [
        `Microsoft.Omnichannel.linkToConversation("incident", "${RECORD}", "${CONVERSATION}")`,
        '  .then(() => Microsoft.Apm.refreshTab("tab-id-3"))',
        '  .catch(error => console.error("linkToConversation failed:", error));',
      ].join('\n'),
    );
  });

  it('omits the conversation id for the focused conversation, and names unlink in the log line', function () {
    const code = callAsCode('unlinkFromConversation', { entityLogicalName: 'contact', recordId: RECORD }, 'refreshUi()');
    assert.match(code, new RegExp(`^Microsoft\\.Omnichannel\\.unlinkFromConversation\\("contact", "${RECORD}"\\)\\n`));
    assert.match(code, /console\.error\("unlinkFromConversation failed:", error\)/);
  });

  it('drops a trailing semicolon from the refresh setting and falls back to the default when it is empty', function () {
    const request = { entityLogicalName: 'account', recordId: RECORD };
    assert.match(callAsCode('linkToConversation', request, 'refreshUi();  '), /\.then\(\(\) => refreshUi\(\)\)\n/);
    assert.match(callAsCode('linkToConversation', request, '   '), /\.then\(\(\) => Microsoft\.Apm\.getFocusedSession\(\)\.getFocusedTab\(\)\.refresh\(\)\)/);
  });

  it('quotes arguments so odd input stays one valid string literal', function () {
    const code = callAsCode('linkToConversation', { entityLogicalName: 'in"cident', recordId: 'a\\b' }, 'r()');
    assert.match(code, /linkToConversation\("in\\"cident", "a\\\\b"\)/);
  });
});

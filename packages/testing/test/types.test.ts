/// <reference types="@omnichannel-tools/types" />
/**
 * Code typed by `@omnichannel-tools/types` (the global `Microsoft` namespace) runs against the double:
 * this file compiles only if the calls a user writes type-check, and passes only if the double answers them.
 */
import * as assert from 'node:assert/strict';
import { installOmnichannel } from '../src';
import { CASES, CONVERSATIONS } from '../src/simulator/sample-data';

describe('installOmnichannel: typed by @omnichannel-tools/types', () => {
  it('the global Microsoft namespace, as declared, is the double', async () => {
    const handle = installOmnichannel();
    try {
      await Microsoft.Omnichannel.linkToConversation('incident', CASES.printerJam, CONVERSATIONS.focused);
      Microsoft.Apm.getFocusedSession().getFocusedTab().refresh();
      assert.equal(await Microsoft.Omnichannel.getConversationId(), CONVERSATIONS.focused);
      assert.deepEqual(handle.calls.map(c => c.method), ['linkToConversation', 'getFocusedSession', 'getFocusedTab', 'refresh', 'getConversationId']);
    } finally {
      handle.uninstall();
    }
  });
});

/** A real jsdom window as the target: a script evaluated in the page sees the double on `window` and `top`. */
import * as assert from 'node:assert/strict';
import { installOmnichannel } from '../src';
import { CASES, CONVERSATIONS } from '../src/simulator/sample-data';

interface PageWindow {
  readonly top: PageWindow;
  eval(code: string): unknown;
  close(): void;
  Microsoft?: unknown;
  linked?: Promise<string>;
}

const { JSDOM } = require('jsdom') as { JSDOM: new (html: string, options: { runScripts: 'outside-only' }) => { window: PageWindow } };

/** The case form's script, as a web resource would run it in the page. */
const FORM_SCRIPT = `
  window.linked = top.Microsoft.Omnichannel.linkToConversation('incident', '${CASES.printerJam}')
    .then(() => { top.Microsoft.Apm.getFocusedSession().getFocusedTab().refresh(); return 'linked'; })
    .catch(error => 'failed: ' + error.code);
`;

describe('installOmnichannel: on a jsdom window', () => {
  it('installs on window.top, the page script links and refreshes, and uninstall leaves the window clean', async () => {
    const { window } = new JSDOM('<!doctype html><title>Case</title>', { runScripts: 'outside-only' });
    try {
      const handle = installOmnichannel({ target: window.top });
      assert.equal('Microsoft' in globalThis, false);
      window.eval(FORM_SCRIPT);
      assert.equal(await window.linked, 'linked');
      assert.deepEqual(handle.calls.map(c => c.method), ['linkToConversation', 'getFocusedSession', 'getFocusedTab', 'refresh']);
      handle.focus(CONVERSATIONS.closed);
      window.eval(FORM_SCRIPT);
      assert.equal(await window.linked, 'failed: conversation-not-active');
      handle.uninstall();
      assert.equal(window.eval('typeof Microsoft'), 'undefined');
    } finally {
      window.close();
    }
  });
});

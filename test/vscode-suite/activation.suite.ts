/**
 * Activation in a real VS Code. It happens when a JavaScript file opens (`onLanguage`; the extension host
 * log shows the event, see test/e2e/activation-measurement.test.ts), and `activate()` only registers: the
 * rest starts on the next turn of the event loop. Commands and the API used before that must still work.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LinkOutcome } from '../../src/protocol/link';
import { EXTENSION_ID } from './support';

/** The samples' simulator seed: a closed conversation, and a case. */
const CLOSED = '5e6f7081-92a3-4b4c-8d5e-6f708192a3b4';
const PRINTER_CASE = 'c0ffee00-1234-4abc-9def-00112233aabb';

interface Api {
  activeEnvironment(): string;
  environments(): Promise<string[]>;
  languageServerStarted(): Promise<void>;
}

describe('activation', () => {
  it('is not active before a script opens; commands and the API work from the moment activation returns', async () => {
    const extension = vscode.extensions.getExtension<Api>(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded`);
    assert.equal(extension.isActive, false, 'activated before any JS/TS file opened (activation should be onLanguage only)');
    // Activated here as a keybinding or another extension would; the calls run in the same turn as
    // activation returns, before the extension's own start: each must start it or wait for it, not fail.
    // (The commands first: whichever comes first starts the extension.)
    const [selected, outcome, active, environments] = await extension.activate().then(api => Promise.all([
      vscode.commands.executeCommand<string>('omnichannel.selectEnvironment', 'Simulator'),
      vscode.commands.executeCommand<LinkOutcome>('omnichannel.linkRecord', { entityLogicalName: 'incident', recordId: PRINTER_CASE, conversationId: CLOSED }),
      api.activeEnvironment(),
      api.environments(),
      api.languageServerStarted(),
    ]));
    assert.equal(active, 'Simulator');
    assert.equal(selected, 'Simulator');
    // A real answer from the simulator: its seed's closed conversation refuses the link.
    assert.equal(outcome?.status, 'failure', JSON.stringify(outcome));
    assert.equal(outcome.status === 'failure' && outcome.code, 'conversation-not-active');
    assert.ok(environments.includes('Simulator'), `environments: ${environments.join(', ')}`);
    assert.equal(extension.isActive, true);
  });

  it('contributes the Omnichannel commands', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['omnichannel.linkRecord', 'omnichannel.resetSimulator', 'omnichannel.selectEnvironment']) {
      assert.ok(commands.includes(id), `command ${id} is not registered`);
    }
  });
});

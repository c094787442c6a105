/** The extension activates in a real VS Code when a JavaScript file opens. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, openDocument } from './support';

describe('activation', () => {
  it('is not active before a script opens, and activates when a JavaScript web resource opens', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded`);
    assert.equal(extension.isActive, false, 'activated before any JS/TS file opened (activation should be onLanguage only)');
    await openDocument('webresources/link-helpers.js');
    // Opening the file started activation (onLanguage:javascript); activate() returns that same run.
    await extension.activate();
    assert.equal(extension.isActive, true);
  });

  it('contributes the Omnichannel commands', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['omnichannel.linkRecord', 'omnichannel.resetSimulator', 'omnichannel.selectEnvironment']) {
      assert.ok(commands.includes(id), `command ${id} is not registered`);
    }
  });
});

/**
 * The language server's start in the real VS Code: after the first start the extension builds the startup
 * snapshot in the background, and the next start (here a restart) runs from it and still serves.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, codeOf, waitForDiagnostics } from './support';

interface StartApi {
  languageServerStarted(): Promise<void>;
  languageServerStart(): { from: 'startup snapshot' | 'code cache' | undefined; snapshotPrepared: Promise<void> };
}

describe('language server start', () => {
  it('builds a startup snapshot after the first start; a restart starts from it and still reports problems', async function () {
    this.timeout(180_000);
    const api = (await activateExtension()).exports as StartApi;
    await api.languageServerStarted();
    await api.languageServerStart().snapshotPrepared;
    await vscode.commands.executeCommand('omnichannel.restartServer');
    assert.equal(api.languageServerStart().from, 'startup snapshot');
    const doc = await vscode.workspace.openTextDocument({ language: 'javascript', content: 'Microsoft.Omnichannel.linkToConversation("case", id);\n' });
    const found = await waitForDiagnostics(doc.uri, d => d.length > 0);
    assert.ok(found.some(d => codeOf(d) === 'invalid-entity-name'), found.map(d => d.message).join('\n'));
  });
});

/** Completion of entity logical names and hover documentation, through VS Code's provider commands. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, openDocument } from './support';

const FILE = 'webresources/link-helpers.js';

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

describe('language features', () => {
  let document: vscode.TextDocument;

  before(async () => {
    await activateExtension();
    document = await openDocument(FILE);
  });

  it('completes the entity logical names inside linkToConversation\'s first argument', async () => {
    const call = 'linkToConversation("';
    const offset = document.getText().indexOf(call) + call.length;
    assert.ok(offset > call.length, `${FILE} has no linkToConversation("…") call`);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider', document.uri, document.positionAt(offset));
    const labels = list.items.map(labelOf);
    for (const entity of ['account', 'contact', 'incident']) {
      assert.ok(labels.includes(entity), `"${entity}" is not offered; got: ${labels.slice(0, 20).join(', ')}`);
    }
    assert.ok(!labels.includes('case'), '"case" is not a logical name and must not be offered');
  });

  it('completes the Microsoft.Omnichannel members after the dot', async () => {
    const text = 'Microsoft.Omnichannel.';
    const offset = document.getText().indexOf(text) + text.length;
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider', document.uri, document.positionAt(offset));
    const labels = list.items.map(labelOf);
    for (const method of ['linkToConversation', 'unlinkFromConversation', 'getConversationId']) {
      assert.ok(labels.includes(method), `${method} is not offered; got: ${labels.slice(0, 20).join(', ')}`);
    }
  });

  it('shows documentation when hovering linkToConversation', async () => {
    const offset = document.getText().indexOf('linkToConversation') + 4;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, document.positionAt(offset));
    const text = hovers.flatMap(h => h.contents.map(c => typeof c === 'string' ? c : c.value)).join('\n');
    assert.match(text, /linkToConversation/);
    assert.match(text, /entityLogicalName/);
    assert.match(text, /refresh/i, 'The hover should say the caller must refresh the UI');
  });
});

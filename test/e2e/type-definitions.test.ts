/**
 * "Use the Omnichannel type definitions" as a person meets it in VS Code: a TypeScript form script with
 * its own `declare const Microsoft: any;`, in a project where `@omnichannel-tools/types` is installed;
 * Ctrl+. on the declaration offers the fix, and taking it puts the reference line where the declaration
 * was. Saves a screenshot of the offer and of the result under test-results/.
 */
import * as assert from 'node:assert/strict';
import { readFileSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { screenshot } from './support/browser';
import { useWorkbench } from './support/use-workbench';
import { SELECTORS, goToLine, quickOpen, waitForProblems } from './support/workbench';

const TITLE = 'Use the Omnichannel type definitions';
const FILE = 'legacy-case-form.ts';
const LEGACY = [
  '// A form script from before the type definitions: it types the global loosely itself.',
  'declare const Microsoft: any;',
  '',
  'export async function linkCase(caseId: string): Promise<void> {',
  '  try {',
  // Typed `any`, nothing catches the table name: the Omnichannel server does (an error squiggle).
  '    await Microsoft.Omnichannel.linkToConversation("Incident", caseId);',
  '    Microsoft.Apm.getFocusedSession().getFocusedTab().refresh();',
  '  } catch (error) {',
  '    console.error("Linking the case failed", error);',
  '  }',
  '}',
  '',
].join('\n');

describe('e2e: the "Use the Omnichannel type definitions" quick fix', function () {
  this.timeout(120_000);
  const workbench = useWorkbench('types-fix', {
    startTimeout: 600_000, // packaging the VSIX first, when no other test has
    // The session installs @omnichannel-tools/types into the workspace, as `npm i -D` leaves it.
    prepare: session => writeFileSync(join(session.workspace, 'webresources', FILE), LEGACY),
  });

  it('offers the fix with Ctrl+. on the declaration and replaces it with the reference line', async () => {
    // The language server is up once a sample's problems show.
    await quickOpen(workbench.page, 'case-form.js');
    await waitForProblems(workbench.page, c => c.errors + c.warnings >= 4);
    await quickOpen(workbench.page, FILE);
    await workbench.page.locator('.editor-instance .view-line', { hasText: 'declare const Microsoft' }).first().waitFor({ state: 'visible' });
    await workbench.page.locator('.editor-instance .view-lines').first().click();
    // Ctrl+. answers once, with what the server had at that moment: before its analysis of the newly opened
    // file it offers nothing. The analysis is done when its findings show: the "Incident" error squiggle
    // (TypeScript sees no error in this file: the global is `any`). The lightbulb then says the editor's own
    // request for the cursor's line has its actions (ours: the fix and the fix-all the squiggle brings).
    await workbench.page.locator(SELECTORS.squigglyError).first().waitFor({ state: 'visible' });
    await goToLine(workbench.page, 2, 16);
    await workbench.page.locator(SELECTORS.lightbulb).first().waitFor({ state: 'visible' });
    const row = workbench.page.locator(SELECTORS.actionWidgetRow, { hasText: TITLE }).first();
    await workbench.page.keyboard.press('Control+.');
    await row.waitFor({ state: 'visible' });
    await screenshot(workbench.page, 'types-fix-1-offered');
    // Other extensions may offer actions here too: move the selection to ours, then take it with Enter.
    const focused = workbench.page.locator(`${SELECTORS.actionWidgetRow}.focused`, { hasText: TITLE });
    for (let i = 0; i < 10 && (await focused.count()) === 0; i++) await workbench.page.keyboard.press('ArrowDown');
    await focused.waitFor({ state: 'visible' });
    await workbench.page.keyboard.press('Enter');

    await workbench.page.locator('.editor-instance .view-line', { hasText: '/// <reference types="@omnichannel-tools/types" />' }).first().waitFor({ state: 'visible' });
    await workbench.page.locator('.editor-instance .view-line', { hasText: 'declare const Microsoft' }).waitFor({ state: 'detached' });
    await screenshot(workbench.page, 'types-fix-2-applied');
    await workbench.page.keyboard.press('Control+S');
    const saved = await fileContent(join(workbench.session.workspace, 'webresources', FILE), text => text.startsWith('///'));
    assert.ok(saved.startsWith('/// <reference types="@omnichannel-tools/types" />\n// A form script'), saved);
    assert.doesNotMatch(saved, /declare const Microsoft/);
  });
});

/** The file's text once `accept` holds for it, waiting on changes to it (the editor saves asynchronously). */
function fileContent(file: string, accept: (text: string) => boolean, timeoutMs = 30_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const text = readFileSync(file, 'utf8');
      if (!accept(text)) return false;
      clearTimeout(timer);
      watcher.close();
      resolve(text);
      return true;
    };
    const watcher = watch(file, () => void check());
    const timer = setTimeout(() => {
      watcher.close();
      reject(new Error(`${file} did not change as expected within ${timeoutMs} ms; it reads:\n${readFileSync(file, 'utf8')}`));
    }, timeoutMs);
    check();
  });
}

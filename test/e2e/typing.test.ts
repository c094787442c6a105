/**
 * The editor while a person types, in VS Code in Chromium with the packaged VSIX: completion after
 * `Microsoft.Omnichannel.` with our member first and selected, accepting it opens the parameter hints,
 * a call being typed gets no squiggle until typing pauses, the Run code lens does not flicker (and runs nothing
 * until the edit pauses), and a quick fix writes multi-line code in the file's style. Each step saves a
 * screenshot under test-results/.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { screenshot } from './support/browser';
import { useWorkbench } from './support/use-workbench';
import { SELECTORS, goToLine, problemCounts, quickOpen, waitForProblems } from './support/workbench';

// Used inside functions that run in the page; the Node-side tsconfig has no DOM library.
declare const document: { querySelectorAll(selector: string): { length: number } };
interface StatusItem { getAttribute(name: string): string | null }
declare const MutationObserver: new (callback: () => void) => { observe(target: unknown, options: object): void; disconnect(): void };
declare const window: Record<string, unknown>;
interface ViewLine { readonly innerText: string; readonly style: { readonly top: string } }

/** The lines the editor shows, top to bottom (the editor reuses line elements, so DOM order is not line order). */
async function editorText(page: Page): Promise<string> {
  const lines = await page.locator('.editor-instance .view-line').evaluateAll(elements =>
    (elements as unknown as ViewLine[]).map(e => ({ top: parseFloat(e.style.top), text: e.innerText })));
  return lines.sort((a, b) => a.top - b.top).map(l => l.text.replace(/\u00a0/g, ' ')).join('\n');
}

/** A form script outside the samples' tsconfig, as most form scripts are: TypeScript knows nothing of `Microsoft`. */
const SCRIPT = [
  '// A form script being written.',
  'function onLoad(executionContext) {',
  '\tconst formContext = executionContext.getFormContext();',
  '\t',
  '}',
  '',
  'function linkCase() {',
  '\tMicrosoft.Omnichannel.linkToConversation("incident", "7282041d-0cdb-42b4-b78b-c5e1b1fefe91")',
  '\t\t.then(() => log("linked"), error => console.error(error));',
  '}',
  '',
].join('\n');

const SUGGEST_ROW = '.editor-widget.suggest-widget.visible .monaco-list-row';
const PARAMETER_HINTS = '.editor-widget.parameter-hints-widget.visible';
const CODE_LENS = '.contentWidgets .codelens-decoration';

describe('e2e: the editor while a person types', function () {
  this.timeout(180_000);
  const workbench = useWorkbench('typing', {
    // A pause longer than the default keeps the "nothing while typing" step true on a heavily loaded machine,
    // where keystrokes can reach the server a second apart.
    settings: { 'editor.acceptSuggestionOnCommitCharacter': false, 'omnichannel.diagnostics.typingPauseMs': 3000 },
    prepare: session => {
      mkdirSync(join(session.workspace, 'forms'), { recursive: true });
      writeFileSync(join(session.workspace, 'forms', 'typing-form.js'), SCRIPT);
    },
  });

  it('suggests linkToConversation first and selected after "Microsoft.Omnichannel.", above the word suggestions', async () => {
    await quickOpen(workbench.page, 'typing-form.js');
    // The sample's one finding: the link in linkCase never refreshes the UI.
    await waitForProblems(workbench.page, c => c.warnings === 1);
    await workbench.page.locator(CODE_LENS, { hasText: 'Run in' }).first().waitFor({ state: 'visible' });
    await goToLine(workbench.page, 4, 2);
    await workbench.page.keyboard.type('Microsoft.Omnichannel.', { delay: 20 });
    const first = workbench.page.locator(`${SUGGEST_ROW}[data-index="0"]`);
    await first.waitFor({ state: 'visible' });
    await workbench.page.locator(`${SUGGEST_ROW}[data-index="0"].focused`, { hasText: 'linkToConversation' }).waitFor({ state: 'visible' });
    const labels = await workbench.page.locator(`${SUGGEST_ROW} .label-name`).allInnerTexts();
    await screenshot(workbench.page, 'typing-1-suggest');
    assert.equal(labels[0]?.trim(), 'linkToConversation', `rows: ${labels.join(', ')}`);
    const words = labels.map(l => l.trim()).filter(l => l === 'Microsoft' || l === 'Omnichannel');
    for (const word of words) assert.ok(labels.map(l => l.trim()).indexOf(word) > labels.map(l => l.trim()).indexOf('unlinkFromConversation'), `the word "${word}" ranks above our members: ${labels.join(', ')}`);
  });

  it('accepting it inserts "linkToConversation(" and opens the parameter hints', async () => {
    await workbench.page.keyboard.press('Enter');
    await workbench.page.locator(PARAMETER_HINTS).waitFor({ state: 'visible' });
    const line = workbench.page.locator('.editor-instance .view-line', { hasText: 'Microsoft.Omnichannel.linkToConversation(' }).first();
    await line.waitFor({ state: 'visible' });
    assert.match(await line.innerText(), /Microsoft\.Omnichannel\.linkToConversation\(\s*$/);
    assert.match(await workbench.page.locator(PARAMETER_HINTS).innerText(), /entityLogicalName/);
    await screenshot(workbench.page, 'typing-2-parameter-hints');
  });

  it('shows no problem on the call while it is typed, then its problems once typing pauses', async () => {
    // Our findings on this call are warnings (TypeScript's own syntax errors come and go while typing):
    // the workbench.page records the highest warning count the status bar shows while the arguments are typed.
    const baseline = (await problemCounts(workbench.page)).warnings;
    await workbench.page.locator(SELECTORS.problemsStatus).first().evaluate((element, base) => {
      const item = element as unknown as StatusItem;
      window.maxWarnings = base;
      const read = (): void => {
        const match = /(\d+)\s+warnings?|warnings?:\s*(\d+)/i.exec(item.getAttribute('aria-label') ?? '');
        window.maxWarnings = Math.max(window.maxWarnings as number, Number(match?.[1] ?? match?.[2] ?? 0));
      };
      const observer = new MutationObserver(read);
      observer.observe(item, { attributes: true, subtree: true, childList: true, characterData: true });
      window.stopWarnings = () => observer.disconnect();
    }, baseline);
    await workbench.page.keyboard.type('"incident", formContext.data.entity.getId())', { delay: 30 });
    // Read before the screenshot: taking it can outlast the pause.
    const during = await workbench.page.evaluate(() => {
      (window.stopWarnings as () => void)();
      return window.maxWarnings as number;
    });
    await screenshot(workbench.page, 'typing-3-while-typing');
    assert.ok(during <= baseline, `a warning appeared on the call while it was being typed (${during} > ${baseline})`);
    // Once typing has paused: linkCase's warning, and on the typed call the getId() warning, the missing
    // refresh and the unhandled rejection.
    const after = await waitForProblems(workbench.page, c => c.warnings >= 4);
    assert.equal(after.warnings, 4);
    await workbench.page.locator(SELECTORS.squigglyWarning).nth(1).waitFor({ state: 'attached' });
    await screenshot(workbench.page, 'typing-4-after-pause');
  });

  it('keeps the Run code lens in place while the call under it is edited, waiting for the edit to run it', async () => {
    const lens = workbench.page.locator(CODE_LENS, { hasText: 'Run in' });
    await lens.first().waitFor({ state: 'visible' });
    const lensesBefore = await lens.count();
    await workbench.page.evaluate(() => {
      window.lensChanges = 0;
      const observer = new MutationObserver(() => {
        const count = document.querySelectorAll('.contentWidgets .codelens-decoration').length;
        if (count !== window.lastLensCount) window.lensChanges = (window.lensChanges as number) + 1;
        window.lastLensCount = count;
      });
      window.lastLensCount = document.querySelectorAll('.contentWidgets .codelens-decoration').length;
      observer.observe(document, { childList: true, subtree: true });
      window.stopLens = () => observer.disconnect();
    });
    // Retype the end of linkCase's record id: for a moment the id is not a GUID, but the person is typing.
    await goToLine(workbench.page, 8, 92);
    for (let i = 0; i < 3; i++) {
      await workbench.page.keyboard.press('Backspace', { delay: 30 });
      await workbench.page.keyboard.press('Backspace', { delay: 30 });
      await workbench.page.keyboard.type('91', { delay: 30 });
    }
    // While the call is edited its lens runs nothing (its arguments would be those from before the edit) and says so.
    await workbench.page.locator(CODE_LENS, { hasText: 'Run waits for this edit' }).first().waitFor({ state: 'visible' });
    await screenshot(workbench.page, 'typing-5-lens-while-typing');
    // Once typing pauses, it runs the call as it is now.
    await lens.first().waitFor({ state: 'visible' });
    const changes = await workbench.page.evaluate(() => {
      (window.stopLens as () => void)();
      return window.lensChanges as number;
    });
    assert.equal(changes, 0, 'the code lens disappeared or came back while the call was edited');
    assert.equal(await lens.count(), lensesBefore);
  });

  it('applies the refresh quick fix as formatted, multi-line code in the file\'s style', async () => {
    await goToLine(workbench.page, 8, 25);
    await workbench.page.locator(SELECTORS.lightbulb).first().waitFor({ state: 'visible' });
    await workbench.page.keyboard.press('Control+.');
    await workbench.page.locator(`${SELECTORS.actionWidgetRow}.focused`, { hasText: 'Refresh the UI on success' }).waitFor({ state: 'visible' });
    await workbench.page.keyboard.press('Enter');
    // The arrow's expression body becomes a block, one statement a line, indented with the file's tabs.
    await workbench.page.locator('.editor-instance .view-line', { hasText: /^\s*Microsoft\.Apm\.getFocusedSession\(\)\.getFocusedTab\(\)\.refresh\(\);\s*$/ }).first().waitFor({ state: 'visible' });
    await screenshot(workbench.page, 'typing-6-multiline-fix');
    const text = await editorText(workbench.page);
    assert.match(text, /\.then\(\(\) => \{\n\s+log\("linked"\);\n\s+Microsoft\.Apm\.getFocusedSession\(\)\.getFocusedTab\(\)\.refresh\(\);\n\s+\}, error => console\.error\(error\)\);/);
  });
});

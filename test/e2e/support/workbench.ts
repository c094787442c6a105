/**
 * What a person does in the VS Code workbench, as Playwright steps: quick open a file, run a command
 * from the palette, pick from quick picks, read the Problems count. Every step waits on an element or
 * an attribute change, never on time. Selectors are the ones VS Code's own smoke tests rely on.
 */
import type { FrameLocator, Locator, Page } from 'playwright-core';

// Used inside functions that run in the page; the Node-side tsconfig has no DOM library.
declare const MutationObserver: new (callback: () => void) => { observe(target: unknown, options: object): void; disconnect(): void };

export const SELECTORS = {
  workbench: '.monaco-workbench',
  quickInput: '.quick-input-widget .quick-input-box input',
  quickInputRow: '.quick-input-widget .monaco-list-row',
  activeTab: '.tabs-container .tab.active',
  squigglyWarning: '.editor-instance .squiggly-warning',
  squigglyError: '.editor-instance .squiggly-error',
  problemsStatus: '[id="status.problems"]',
  problemsRow: '.markers-panel .monaco-list-row',
  notification: '.notifications-toasts .notification-toast',
  lightbulb: '.lightBulbWidget',
  actionWidgetRow: '.action-widget .monaco-list-row',
  quickInputTitle: '.quick-input-widget .quick-input-title',
} as const;

/** Waits until the open quick input is the step titled `title` (each step of a flow has its own). */
export async function waitForQuickInputTitle(page: Page, title: string | RegExp): Promise<void> {
  await page.locator(SELECTORS.quickInputTitle, { hasText: title }).waitFor({ state: 'visible' });
}

/** Moves the cursor with Ctrl+G to a 1-based line and column of the active editor. */
export async function goToLine(page: Page, line: number, column: number): Promise<void> {
  await page.keyboard.press('Control+G');
  const input = page.locator(SELECTORS.quickInput);
  await input.waitFor({ state: 'visible' });
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden' });
}

/** Opens a workspace file with Ctrl+P and waits until its tab is the active one. */
export async function quickOpen(page: Page, fileName: string): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = page.locator(SELECTORS.quickInput);
  await input.waitFor({ state: 'visible' });
  await input.fill(fileName);
  await page.locator(SELECTORS.quickInputRow, { hasText: fileName }).first().waitFor({ state: 'visible' });
  await page.keyboard.press('Enter');
  await page.locator(SELECTORS.activeTab, { hasText: fileName }).waitFor({ state: 'visible' });
}

/**
 * Shows the Omnichannel side panel; returns its content (a webview: an iframe holding the active frame).
 * `from`: the palette's focus command (listed once the extension has started), or the activity bar's
 * Omnichannel icon (there from the start; a click on it while its view shows would hide the sidebar).
 */
export async function openPanel(page: Page, from: 'palette' | 'activityBar' = 'palette'): Promise<FrameLocator> {
  if (from === 'palette') await runCommand(page, 'Omnichannel: Focus on Link Calls View');
  else await page.locator('.activitybar .action-label[aria-label^="Omnichannel"]').first().click();
  const panel = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  await panel.locator('#app[data-ready="true"]').waitFor({ state: 'attached', timeout: 60_000 });
  return panel;
}

/** Runs a command from the palette by its full title ("Omnichannel: Link Record to Conversation…"). */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator(SELECTORS.quickInput);
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  await page.locator(SELECTORS.quickInputRow, { hasText: title }).first().waitFor({ state: 'visible' });
  await page.keyboard.press('Enter');
}

/** Waits for a quick pick row containing `text` and chooses it. */
export async function pick(page: Page, text: string | RegExp): Promise<void> {
  const row = page.locator(SELECTORS.quickInputRow, { hasText: text }).first();
  await row.waitFor({ state: 'visible' });
  await row.click();
}

/** Makes `name` the active environment through the palette's picker, and waits for the status bar to show it. */
export async function selectEnvironment(page: Page, name: string): Promise<void> {
  await runCommand(page, 'Omnichannel: Select Environment…');
  await waitForQuickInputTitle(page, 'Run link calls against which environment?');
  await pick(page, name);
  await page.locator('.statusbar-item', { hasText: name }).first().waitFor({ state: 'visible' });
}

/** Types into an open quick input (an input box step) and accepts it with Enter. */
export async function typeIntoQuickInput(page: Page, text: string): Promise<void> {
  const input = page.locator(SELECTORS.quickInput);
  await input.waitFor({ state: 'visible' });
  await input.fill(text);
  await page.keyboard.press('Enter');
}

export interface ProblemCounts {
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
}

/** Parses the status bar's Problems item ("Errors: 1, Warnings: 3, Infos: 1", "No Problems"). */
export function parseProblems(label: string | null): ProblemCounts {
  const count = (word: string): number => {
    const text = label ?? '';
    const match = new RegExp(`${word}s?:\\s*(\\d+)`, 'i').exec(text) ?? new RegExp(`(\\d+)\\s+${word}`, 'i').exec(text);
    return Number(match?.[1] ?? 0);
  };
  return { errors: count('error'), warnings: count('warning'), infos: count('info') };
}

export async function problemCounts(page: Page): Promise<ProblemCounts> {
  return parseProblems(await page.locator(SELECTORS.problemsStatus).first().getAttribute('aria-label'));
}

/** Waits until the Problems counts satisfy `accept` (the status bar item's label changes on its own). */
export async function waitForProblems(page: Page, accept: (counts: ProblemCounts) => boolean, timeout = 60_000): Promise<ProblemCounts> {
  const item = page.locator(SELECTORS.problemsStatus).first();
  await item.waitFor({ state: 'attached', timeout });
  const deadline = Date.now() + timeout;
  for (;;) {
    const label = await item.getAttribute('aria-label');
    const counts = parseProblems(label);
    if (accept(counts)) return counts;
    const left = deadline - Date.now();
    if (left <= 0) throw new Error(`The Problems count never matched; last: "${label}".`);
    // Resolves on the next change of the label (a DOM attribute mutation); the timer only bounds the wait.
    await item.evaluate((element, [previous, limit]) => new Promise<void>(resolve => {
      if (element.getAttribute('aria-label') !== previous) { resolve(); return; }
      const observer = new MutationObserver(() => { observer.disconnect(); clearTimeout(timer); resolve(); });
      const timer = setTimeout(() => { observer.disconnect(); resolve(); }, limit);
      observer.observe(element, { attributes: true, attributeFilter: ['aria-label'], subtree: true });
    }), [label, left] as const);
  }
}

/** The Problems panel, opened with its keyboard shortcut; returns its rows. */
export async function openProblemsPanel(page: Page): Promise<Locator> {
  await page.keyboard.press('Control+Shift+M');
  const rows = page.locator(SELECTORS.problemsRow);
  await rows.first().waitFor({ state: 'visible' });
  return rows;
}

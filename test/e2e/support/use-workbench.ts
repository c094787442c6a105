/**
 * The VS Code of one e2e test file, as mocha hooks: `before` starts an isolated session (see `startSession`)
 * and opens its workbench in headless Chromium, `afterEach` saves a screenshot of a failed step under
 * test-results/, and `after` closes the browser and disposes of the session. Call it at the top of a
 * `describe`; hooks the file registers before the call run before the session starts, those after it
 * once the workbench is open (and, for `after`, once everything is stopped).
 */
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openWorkbench, screenshot } from './browser';
import { loadHost } from './repo';
import { startSession, type Session, type SessionOptions } from './session';

export interface WorkbenchOptions extends SessionOptions {
  /** Changes the scratch workspace before VS Code opens it (extra files, a replaced seed). */
  readonly prepare?: (session: Session) => void | Promise<void>;
  /** Playwright's wait per step in milliseconds (its default is 30 s). */
  readonly stepTimeout?: number;
  /** The `before` hook's own timeout, where starting can outlast the suite's (packaging the VSIX first). */
  readonly startTimeout?: number;
  /** Open an empty window (no folder) instead of the scratch workspace. */
  readonly noFolder?: boolean;
}

export interface Workbench {
  /** The workbench page; there from `before` on. */
  readonly page: Page;
  /** The session behind it, with its scratch copy of samples/ in `workspace`. */
  readonly session: Session;
}

/**
 * `name` prefixes the failure screenshots (`<name>-failed-<test title>`). `options` may be a function when it
 * needs what an earlier hook made (a stand-in server's URL).
 */
export function useWorkbench(name: string, options: WorkbenchOptions | (() => WorkbenchOptions) = {}): Workbench {
  let session: Session | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;

  before(async function () {
    const resolved = typeof options === 'function' ? options() : options;
    if (resolved.startTimeout !== undefined) this.timeout(resolved.startTimeout);
    session = await startSession(resolved);
    await resolved.prepare?.(session);
    browser = await launchBrowser();
    const host = await loadHost();
    page = await openWorkbench(browser, host.workbenchUrl(session.server, resolved.noFolder ? {} : { folder: session.workspace }));
    if (resolved.stepTimeout !== undefined) page.setDefaultTimeout(resolved.stepTimeout);
  });

  afterEach(async function () {
    // A failed step leaves a picture of what the person would have seen.
    const test = this.currentTest;
    if (page && test?.state === 'failed') await screenshot(page, `${name}-failed-${test.title.slice(0, 40).replace(/\W+/g, '-')}`).catch(() => undefined);
  });

  after(async () => {
    try {
      await browser?.close();
    } finally {
      await session?.dispose();
    }
  });

  return {
    get page(): Page {
      if (!page) throw new Error(`The ${name} workbench is not open: use it in a test or a hook registered after useWorkbench().`);
      return page;
    },
    get session(): Session {
      if (!session) throw new Error(`The ${name} session has not started: use it in a test or a hook registered after useWorkbench().`);
      return session;
    },
  };
}

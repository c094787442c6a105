/**
 * Runs the panel as VS Code would, minus VS Code: the HTML the host renders, the real bundled webview
 * script and stylesheet served from 127.0.0.1, headless Chromium, and the REAL host message handler
 * (`PanelController`) answering through a stand-in for `acquireVsCodeApi()`.
 */
import { EventEmitter } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import type { LinkBackend } from '../../../src/backends/types';
import { LinkError } from '../../../src/protocol/link';
import type { HistoryEntry, LinkOutcome } from '../../../src/protocol/link';
import type { HostToWebview, PanelEnvironment } from '../../../src/protocol/webview';
import { PanelController } from '../../../src/panel/host/controller';
import type { PanelServices } from '../../../src/panel/host/controller';
import { createMemoryHistory } from '../../../src/panel/host/history';
import { createNonce, renderPanelHtml } from '../../../src/panel/host/html';

export const CHROMIUM = '/usr/bin/chromium';
const ROOT = path.resolve(__dirname, '../../../..');
const SERVED = ['dist', 'media'];
const TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.ttf': 'font/ttf', '.svg': 'image/svg+xml' };

/** VS Code's dark theme, as a few of the variables it sets on a webview's document. */
const DARK_THEME: Record<string, string> = {
  '--vscode-font-family': 'system-ui, "Segoe UI", Ubuntu, sans-serif',
  '--vscode-font-size': '13px',
  '--vscode-editor-font-family': '"Droid Sans Mono", monospace',
  '--vscode-foreground': '#cccccc',
  '--vscode-descriptionForeground': '#9d9d9d',
  '--vscode-errorForeground': '#f85149',
  '--vscode-editorWarning-foreground': '#cca700',
  '--vscode-editorInfo-foreground': '#3794ff',
  '--vscode-testing-iconPassed': '#73c991',
  '--vscode-sideBar-background': '#181818',
  '--vscode-sideBarSectionHeader-background': '#181818',
  '--vscode-sideBarSectionHeader-border': '#2b2b2b',
  '--vscode-sideBarTitle-foreground': '#cccccc',
  '--vscode-editor-background': '#1f1f1f',
  '--vscode-editor-foreground': '#cccccc',
  '--vscode-textCodeBlock-background': '#2b2b2b',
  '--vscode-button-background': '#0078d4',
  '--vscode-button-foreground': '#ffffff',
  '--vscode-button-secondaryBackground': '#313131',
  '--vscode-button-secondaryForeground': '#cccccc',
  '--vscode-badge-background': '#616161',
  '--vscode-badge-foreground': '#f8f8f8',
  '--vscode-focusBorder': '#0078d4',
  '--vscode-list-hoverBackground': '#2a2d2e',
  '--vscode-settings-textInputBackground': '#313131',
  '--vscode-input-background': '#313131',
  '--vscode-inputValidation-errorBorder': '#be1100',
  '--vscode-inputValidation-errorBackground': '#5a1d1d',
  '--vscode-widget-border': '#313131',
  '--vscode-icon-foreground': '#cccccc',
};

/** The few browser globals the page-side functions touch (the Node test project has no DOM types). */
interface PageGlobals {
  document: {
    addEventListener(type: string, listener: (event: { violatedDirective: string; blockedURI: string }) => void): void;
    documentElement: { style: { setProperty(name: string, value: string): void } };
  };
  sessionStorage: { getItem(key: string): string | null; setItem(key: string, value: string): void };
  postMessage(message: unknown, targetOrigin: string): void;
  acquireVsCodeApi(): { postMessage(message: unknown): void };
  __toHost(message: unknown): Promise<void>;
  __cspViolations: string[];
}

/** Runs in the page before any of its scripts: the VS Code API stand-in, CSP violation capture, theme. */
function pageSetup(theme: Record<string, string>): void {
  const w = globalThis as unknown as PageGlobals;
  const violations: string[] = [];
  w.__cspViolations = violations;
  w.document.addEventListener('securitypolicyviolation', e => violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  let state: unknown = JSON.parse(w.sessionStorage.getItem('vscode-state') ?? 'null');
  w.acquireVsCodeApi = () => ({
    postMessage: (message: unknown) => void w.__toHost(message),
    getState: () => state,
    setState: (value: unknown) => {
      state = value;
      w.sessionStorage.setItem('vscode-state', JSON.stringify(value));
    },
  });
  // VS Code sets the theme variables on the document element; CSSOM is allowed under the page's CSP.
  w.document.addEventListener('DOMContentLoaded', () => {
    for (const [name, value] of Object.entries(theme)) w.document.documentElement.style.setProperty(name, value);
  });
}

export interface HarnessOptions {
  readonly backend: LinkBackend;
  readonly environment?: PanelEnvironment;
  /** The environment needs a sign-in (until the panel's Sign In button is pressed). */
  readonly signInNeeded?: boolean;
}

export class PanelHarness {
  readonly toHost: unknown[] = [];
  readonly toWebview: HostToWebview[] = [];
  readonly clipboard: string[] = [];
  /** Text inserted "at the cursor" (no editor here: the harness stands in for one named case-form.js). */
  readonly inserted: string[] = [];
  private needsSignIn = false;
  readonly log: string[] = [];
  readonly history = createMemoryHistory();
  page!: Page;
  private browser!: Browser;
  private server!: Server;
  private readonly events = new EventEmitter();
  private controller!: PanelController;
  private counter = 0;

  constructor(private readonly options: HarnessOptions) {
    this.needsSignIn = options.signInNeeded ?? false;
  }

  /** Whether Chromium is here; when `CI=true` its absence must fail the run, not skip it. */
  static chromiumMissing(): string | undefined {
    return existsSync(CHROMIUM) ? undefined : `Chromium is not installed at ${CHROMIUM} (apt-get install chromium).`;
  }

  async start(): Promise<void> {
    const bundle = path.join(ROOT, 'dist', 'webview.js');
    if (!existsSync(bundle)) throw new Error('dist/webview.js is missing: run `node scripts/build.mjs` first.');
    this.server = createServer((req, res) => this.serve(req.url ?? '/', res));
    await new Promise<void>(resolve => this.server.listen(0, '127.0.0.1', resolve));
    this.browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    this.page = await this.browser.newPage({ viewport: { width: 360, height: 900 }, colorScheme: 'dark' });
    this.page.on('pageerror', error => this.log.push(`page error: ${error.message}`));
    this.page.on('console', message => { if (message.type() === 'error') this.log.push(`console: ${message.text()}`); });
    this.controller = new PanelController(this.services(), message => this.deliver(message));
    await this.page.exposeFunction('__toHost', async (message: unknown) => {
      this.toHost.push(message);
      this.events.emit('toHost', message);
      await this.controller.handle(message);
    });
    await this.page.addInitScript(pageSetup, DARK_THEME);
  }

  get origin(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Loads the panel and resolves once the webview has rendered the host's first state. */
  async open(): Promise<void> {
    const rendered = this.next('state');
    await this.page.goto(`${this.origin}/`);
    await rendered;
    await this.page.locator('#app[data-ready="true"]').waitFor();
  }

  /** Resolves with the next message of that type the host sends to the webview. */
  next<T extends HostToWebview['type']>(type: T): Promise<Extract<HostToWebview, { type: T }>> {
    return new Promise(resolve => {
      const listener = (message: HostToWebview) => {
        if (message.type !== type) return;
        this.events.off('toWebview', listener);
        resolve(message as Extract<HostToWebview, { type: T }>);
      };
      this.events.on('toWebview', listener);
    });
  }

  /** Resolves with the next message of that type the webview sends to the host. */
  nextToHost(type: string): Promise<unknown> {
    return new Promise(resolve => {
      const listener = (message: unknown) => {
        if ((message as { type?: unknown }).type !== type) return;
        this.events.off('toHost', listener);
        resolve(message);
      };
      this.events.on('toHost', listener);
    });
  }

  /** What the client does after a call ran elsewhere (palette, code lens): the host sends the state again. */
  async refresh(): Promise<void> {
    const state = this.next('state');
    await this.controller.sendState();
    await state;
  }

  /** Sends a raw message to the host handler as the webview would (to try invalid ones). */
  async sendFromWebview(message: unknown): Promise<void> {
    await this.page.evaluate(m => (globalThis as unknown as PageGlobals).acquireVsCodeApi().postMessage(m), message);
  }

  async cspViolations(): Promise<string[]> {
    return this.page.evaluate(() => (globalThis as unknown as PageGlobals).__cspViolations);
  }

  async stop(): Promise<void> {
    await this.browser?.close();
    await new Promise<void>(resolve => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** What the client would supply; `runLink` calls the backend and records history as the client's runner does. */
  private services(): PanelServices {
    const { backend } = this.options;
    const environment = this.options.environment ?? { name: backend.name, kind: backend.kind };
    return {
      environment: () => environment,
      getBackend: () => backend,
      history: this.history,
      refreshCall: () => 'Microsoft.Apm.getFocusedSession().getFocusedTab().refresh()',
      signInNeeded: () => this.needsSignIn,
      signIn: async () => { this.log.push('command: omnichannel.signIn'); this.needsSignIn = false; },
      openSettings: async setting => { this.log.push(`command: workbench.action.openSettings ${setting}`); },
      selectEnvironment: async () => { this.log.push('command: omnichannel.selectEnvironment'); },
      writeClipboard: async text => { this.clipboard.push(text); },
      insertAtCursor: async text => { this.inserted.push(text); return 'case-form.js'; },
      log: message => this.log.push(message),
      runLink: async (method, request, options) => {
        let outcome: LinkOutcome;
        try {
          outcome = method === 'linkToConversation' ? await backend.link(request, options) : await backend.unlink(request, options);
        } catch (error) {
          if (!(error instanceof LinkError)) throw error;
          outcome = error.toFailure();
        }
        const entry: HistoryEntry = {
          id: `call-${++this.counter}`, at: new Date().toISOString(), environment: environment.name, method, request, outcome,
          names: options.names, source: options.source,
        };
        await this.history.add(entry);
        return outcome;
      },
    };
  }

  private async deliver(message: HostToWebview): Promise<void> {
    this.toWebview.push(message);
    // VS Code delivers host messages as `message` events on the webview's window.
    await this.page.evaluate(m => (globalThis as unknown as PageGlobals).postMessage(m, '*'), message);
    this.events.emit('toWebview', message);
  }

  private serve(url: string, res: import('node:http').ServerResponse): void {
    const pathname = decodeURIComponent(new URL(url, 'http://127.0.0.1').pathname);
    if (pathname === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    if (pathname === '/') {
      const base = this.origin;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(renderPanelHtml({
        cspSource: base,
        nonce: createNonce(),
        scriptUri: `${base}/dist/webview.js`,
        styleUri: `${base}/media/panel.css`,
        codiconsUri: `${base}/dist/codicons/codicon.css`,
      }));
      return;
    }
    // Like the webview's localResourceRoots: only dist/ and media/ are reachable.
    const file = path.normalize(path.join(ROOT, pathname));
    const allowed = SERVED.some(dir => file.startsWith(path.join(ROOT, dir) + path.sep));
    if (!allowed || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  }
}

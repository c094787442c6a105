/**
 * The extension's running state in one object: output channel, settings, environments, sign-in,
 * backends, the call runner, the status bar, the panel and the language client. Commands receive it.
 */
import * as vscode from 'vscode';
import { redactingLog } from './redacting-log';
import type { LanguageClient } from 'vscode-languageclient/node';
import { createMementoHistory, type HistoryStore } from '../panel/host/history';
import type { EnvironmentEntry } from '../environments/types';
import { CONFIG_SECTION, Config, onceEach } from './config';
import { SignInManager } from './auth/sign-in';
import { BackendManager } from './backends';
import { EnvironmentManager, type EnvironmentChange } from './environments/manager';
import { panelEnvironment } from './environments/selection';
import { createLinkRunner, type RunLinkCall } from './link/run-link';
import { EnvironmentStatusBar } from './status-bar';
import { LazyPanel, signInNeeded } from './panel';
import { languageClientModule, webResourcesModule } from './lazy';
import { WebResourceOutcomes } from './webresources/report';
import { WebResourceRun } from './webresources/run';

export class Context implements vscode.Disposable {
  readonly log = redactingLog(vscode.window.createOutputChannel('Omnichannel', { log: true }));
  /** A setting it cannot use is logged and shown once (per distinct problem), then its default applies. */
  readonly config = new Config(() => vscode.workspace.getConfiguration(CONFIG_SECTION), onceEach(problem => {
    this.log.warn(problem);
    void vscode.window.showWarningMessage(problem);
  }));
  readonly environments: EnvironmentManager;
  readonly signIn: SignInManager;
  readonly backends: BackendManager;
  readonly history: HistoryStore;
  readonly runLinkCall: RunLinkCall;
  readonly panel: LazyPanel;
  /** How each file's latest publish or pull ended, wherever it started (the panel lists them). */
  readonly webResourceOutcomes = new WebResourceOutcomes();
  /** The one publish, pull or mapping of web resources running in the window. */
  readonly webResourceRun = new WebResourceRun();
  private readonly statusBar = new EnvironmentStatusBar();
  private readonly environmentChanged = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [];
  private languageClient: LanguageClient | undefined;
  private started: Promise<void> = Promise.resolve();

  constructor(readonly extension: vscode.ExtensionContext) {
    this.environments = new EnvironmentManager(extension.workspaceState, this.config, this.log);
    this.signIn = new SignInManager(extension.secrets, this.log, () => this.config.trustedHosts.hosts);
    this.backends = new BackendManager(extension.storageUri ?? extension.globalStorageUri, this.config, this.signIn, this.log);
    this.history = createMementoHistory(extension.workspaceState);
    const run = createLinkRunner({
      environment: name => this.environments.find(name),
      backend: async name => {
        const environment = this.environments.find(name);
        if (!environment) throw new Error(`There is no environment named "${name}".`);
        return this.backends.get(environment);
      },
      log: this.log,
      history: this.history,
      refreshCall: () => this.config.refreshCall,
      didRun: () => this.panel.refresh(),
    });
    // A call right after activation (a test, a keybinding) may name an environment still being loaded.
    this.runLinkCall = async (method, request, options) => {
      await this.environments.ready();
      // A call the user started may sign in (a dialog); the panel's background reads never do.
      const target = this.environments.find(options?.environment);
      if (target?.kind === 'dataverse' && vscode.workspace.isTrusted && this.signIn.state(target) !== 'signed-in') await this.signIn.ensureSignedIn(target.definition);
      return run(method, request, options);
    };
    this.panel = new LazyPanel({
      extensionUri: extension.extensionUri,
      environment: () => panelEnvironment(this.activeEnvironment()),
      getBackend: () => this.backends.get(this.activeEnvironment()),
      signInNeeded: () => signInNeeded(this.activeEnvironment(), this.signIn, extension.secrets),
      onDidChangeEnvironment: this.environmentChanged.event,
      runLink: (method, request, options) => this.runLinkCall(method, request, { ...options, notify: false }),
      history: this.history,
      refreshCall: () => this.config.refreshCall,
      log: message => this.log.info(message),
      webResources: {
        workspaceState: extension.workspaceState,
        storage: extension.storageUri ?? extension.globalStorageUri,
        outcomes: this.webResourceOutcomes,
        run: this.webResourceRun,
        hasDataverseEnvironment: () => this.environments.list().some(e => e.kind === 'dataverse'),
        map: uri => webResourcesModule().mapCommand(this, uri),
      },
    });
    this.disposables.push(
      this.environments, this.signIn, this.backends, this.statusBar, this.environmentChanged, this.webResourceOutcomes, this.webResourceRun, this.panel,
      this.environments.onDidChange(change => this.onEnvironmentChange(change)),
      this.signIn.onDidChange(() => { this.updateStatus(); this.panel.refresh(); }),
      this.backends.onDidChange(() => this.panel.refresh()),
      vscode.workspace.onDidChangeConfiguration(e => { if (e.affectsConfiguration(CONFIG_SECTION)) this.config.check(); }),
    );
    this.config.check();
    this.updateStatus();
    void this.environments.reload();
  }

  activeEnvironment(): EnvironmentEntry {
    return this.environments.active();
  }

  get client(): LanguageClient | undefined {
    return this.languageClient;
  }

  /**
   * Starts the language server without waiting for it; the client library loads here, after activation
   * returned, so activation stays fast.
   */
  startLanguageClient(): void {
    this.started = this.loadClientModule().then(module => {
      const client = module.createLanguageClient(this.extension, {
        activeEnvironment: () => this.activeEnvironment(),
        outputChannel: this.log,
        onStart: from => { this.serverStartedFrom = from; },
        idLookup: {
          environment: () => this.activeEnvironment(),
          backend: environment => this.backends.get(environment),
          signedIn: environment => this.signIn.state(environment) === 'signed-in',
          log: line => this.log.info(line),
          onDidChange: [this.backends.onDidChange, this.signIn.onDidChange, this.environmentChanged.event],
        },
      });
      this.languageClient = client;
      return client.start().then(() => {
        // After the first diagnostics are on their way: a background build the next start benefits from.
        this.snapshotPrepared = module.prepareStartupSnapshot(this.extension, this.log);
      });
    }).catch(error => {
      this.log.error(`The Omnichannel language server did not start: ${String(error)}`);
      try {
        languageClientModule().discardStartupSnapshot(this.extension);
      } catch {
        // Nothing to forget.
      }
      void vscode.window.showErrorMessage('The Omnichannel language server did not start. Run "Omnichannel: Restart Language Server" or see the log.', 'Show Log')
        .then(answer => { if (answer === 'Show Log') this.log.show(true); });
    });
  }

  /** How the running language server was started. */
  serverStartedFrom: 'startup snapshot' | 'code cache' | undefined;

  /** Settles once the startup snapshot is ready, or known not to be possible (after the first start). */
  snapshotPrepared: Promise<void> = Promise.resolve();

  /** Settles once the language server has started (or failed to; the failure is shown and logged). */
  languageServerStarted(): Promise<void> {
    return this.started;
  }

  private loadClientModule(): Promise<typeof import('./language-client')> {
    // A macrotask first: activate() returns before the client library is even loaded (see lazy.ts).
    return new Promise(resolve => setImmediate(resolve)).then(languageClientModule);
  }

  /** `omnichannel.restartServer`: restarts a running server, or starts afresh one that failed or stopped. */
  async restartLanguageClient(): Promise<void> {
    await this.started; // a start still in progress finishes first, so two servers never run
    // A new client, not client.restart(): it reads the start afresh, so a startup snapshot built since the
    // last start is used.
    const client = this.languageClient;
    this.languageClient = undefined;
    if (client) await client.dispose().catch(() => undefined);
    this.startLanguageClient();
    await this.started;
    this.log.info('The Omnichannel language server was restarted.');
  }

  async dispose(): Promise<void> {
    for (const d of this.disposables.splice(0)) d.dispose();
    const client = this.languageClient;
    this.languageClient = undefined;
    if (client) await client.dispose().catch(() => undefined);
    this.log.dispose();
  }

  private onEnvironmentChange(change: EnvironmentChange): void {
    // New definitions may change a URL or sign-in method: rebuild on next use. A mere switch keeps them (and their tokens).
    if (change === 'definitions') {
      this.signIn.reset();
      this.backends.dropDataverse();
    }
    this.updateStatus();
    this.environmentChanged.fire();
    const client = this.languageClient;
    if (client) languageClientModule().refreshCodeLenses(client);
  }

  private updateStatus(): void {
    const environment = this.activeEnvironment();
    this.statusBar.update(environment, this.signIn.state(environment));
    void this.signIn.probe(environment);
  }
}

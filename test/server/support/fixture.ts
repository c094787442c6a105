/** Shared setup for server suites: build the bundle once per test run, one client per suite. */
import { LspTestClient, buildServer, type ClientOptions } from './lsp-client';

let built: string | undefined;

export function ensureServerBuilt(): string {
  built ??= buildServer();
  return built;
}

/** Registers before/after hooks that start a server for the suite; read `.client` inside tests. */
export function useServer(options: ClientOptions = {}): { client: LspTestClient } {
  const holder = {} as { client: LspTestClient };
  before(async function () {
    this.timeout(120_000); // the first suite builds the bundles
    holder.client = await LspTestClient.start(options, ensureServerBuilt());
  });
  after(async () => {
    await holder.client?.stop();
  });
  return holder;
}

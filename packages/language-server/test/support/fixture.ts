/** Shared setup for server suites: one client per suite, each a fresh server process. */
import { LspTestClient, serverBin, type ClientOptions } from './lsp-client';

/** Registers before/after hooks that start a server for the suite; read `.client` inside tests. */
export function useServer(options: ClientOptions = {}): { client: LspTestClient } {
  const holder = {} as { client: LspTestClient };
  before(async function () {
    holder.client = await LspTestClient.start(options, serverBin());
  });
  after(async () => {
    await holder.client?.stop();
  });
  return holder;
}

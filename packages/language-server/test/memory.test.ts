import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readMemoryMode } from '../src/memory';
import { LspTestClient, serverBin } from './support/lsp-client';

/** A form script of about `lines` lines: the same handler again and again, each calling the API. */
function largeFormScript(lines: number): string {
  const parts: string[] = [];
  for (let i = 0; parts.length * 8 < lines; i++) {
    parts.push([
      `function onCaseSaved${i}(executionContext) {`,
      '  const form = executionContext.getFormContext();',
      `  const id = form.data.entity.getId().replace(/[{}]/g, "") || "${i}";`,
      '  return Microsoft.Omnichannel.linkToConversation("incident", id)',
      '    .then(() => form.data.refresh(false))',
      `    .catch(error => console.error("case ${i}", error));`,
      '}',
      '',
    ].join('\n'));
  }
  return parts.join('\n');
}

const peakMb = (client: LspTestClient): number =>
  Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${client.process.pid}/status`, 'utf8'))?.[1]) / 1024;

describe('server: omnichannel.languageServer.memory', () => {
  it('reads "default" and "low", nested or flat, and names the setting for any other value', () => {
    assert.deepEqual(readMemoryMode(undefined), { mode: 'default' });
    assert.deepEqual(readMemoryMode({ languageServer: { memory: 'low' } }), { mode: 'low' });
    assert.deepEqual(readMemoryMode({ 'languageServer.memory': 'low' }), { mode: 'low' });
    assert.deepEqual(readMemoryMode({ languageServer: { startupSnapshot: true } }), { mode: 'default' });
    const wrong = readMemoryMode({ languageServer: { memory: 'tiny' } });
    assert.equal(wrong.mode, 'default');
    assert.match(wrong.problem ?? '', /omnichannel\.languageServer\.memory is "tiny"; expected "default" or "low"/);
  });

  it('shows an invalid value to the user once and keeps serving', async () => {
    const client = await LspTestClient.start({ settings: { languageServer: { memory: 42 } } }, serverBin());
    try {
      const shown = await client.messageMatching(/omnichannel\.languageServer\.memory is 42/);
      assert.match(shown.message, /Using "default"/);
      const published = await client.open('file:///form.js', 'Microsoft.Omnichannel.linkToConversation("acount", "x");\n');
      assert.ok(published.diagnostics.length > 0);
    } finally {
      await client.stop();
    }
  });

  it('applies a change at once, without a restart', async () => {
    const client = await LspTestClient.start({}, serverBin());
    try {
      client.settings = { languageServer: { memory: 'low' } };
      await client.configurationChanged();
      await client.until(() => client.logMessages.some(m => /^Memory: low/.test(m.message)));
      client.settings = {};
      await client.configurationChanged();
      await client.until(() => client.logMessages.some(m => /^Memory: default/.test(m.message)));
    } finally {
      await client.stop();
    }
  });

  it('"low" keeps a long editing session on a 50k-line file far below the default\'s peak', async function () {
    this.timeout(240_000);
    const text = largeFormScript(50_000);
    const at = text.indexOf('function onCaseSaved3000');
    const session = async (settings: Record<string, unknown>, expectLog: RegExp | undefined): Promise<number> => {
      const client = await LspTestClient.start({ settings }, serverBin());
      try {
        if (expectLog) await client.until(() => client.logMessages.some(m => expectLog.test(m.message)));
        const uri = 'file:///large.js';
        await client.open(uri, text);
        for (let i = 0; i < 20; i++) {
          const position = client.text(uri).slice(0, at).split('\n').length - 1;
          const typed = i % 2 === 0;
          await client.change(uri, [{ range: { start: { line: position, character: 0 }, end: { line: position, character: typed ? 0 : 1 } }, text: typed ? ' ' : '' }]);
        }
        return peakMb(client);
      } finally {
        await client.stop();
      }
    };
    const defaultPeak = await session({}, undefined);
    const lowPeak = await session({ languageServer: { memory: 'low' } }, /^Memory: low/);
    // About 230 against 140 MB for the bundled server; the margin leaves room for the collector's timing.
    assert.ok(lowPeak < defaultPeak - 30, `peak ${lowPeak.toFixed(0)} MB with "low", ${defaultPeak.toFixed(0)} MB with the default`);
  });
});

/** The README's imports work as written: named ESM imports (node:test, vitest) and require (jest, mocha). */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

const packageFolder = path.resolve(__dirname, '../..');

const SCRIPT = `
  const omnichannel = installOmnichannel();
  await Microsoft.Omnichannel.linkToConversation('incident', CASES.printerJam);
  Microsoft.Apm.getFocusedSession().getFocusedTab().refresh();
  const linked = omnichannel.state().conversations.find(c => c.id === CONVERSATIONS.focused).case.id;
  omnichannel.uninstall();
  console.log(JSON.stringify({ linked, calls: omnichannel.calls.length, left: 'Microsoft' in globalThis }));
`;

function run(args: string[]): unknown {
  return JSON.parse(execFileSync(process.execPath, args, { cwd: packageFolder, encoding: 'utf8' }));
}

describe('@omnichannel-tools/testing by package name', () => {
  const expected = { linked: '7282041d-0cdb-42b4-b78b-c5e1b1fefe91', calls: 4, left: false };

  it('named ESM imports', () => {
    const code = `import { installOmnichannel, CASES, CONVERSATIONS } from '@omnichannel-tools/testing';\n${SCRIPT}`;
    assert.deepEqual(run(['--input-type=module', '-e', code]), expected);
  });

  it('require', () => {
    const code = `const { installOmnichannel, CASES, CONVERSATIONS } = require('@omnichannel-tools/testing');\n(async () => {\n${SCRIPT}\n})();`;
    assert.deepEqual(run(['-e', code]), expected);
  });
});

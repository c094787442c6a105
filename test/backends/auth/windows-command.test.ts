import * as assert from 'node:assert/strict';
import { azArguments } from '../../../src/sign-in/azure-cli';
import { cmdCommandLine, invocationFor } from '../../../src/sign-in/windows-command';
import { seeded } from '@omnichannel-tools/core/test-support/prng';
import { argvOf, batchRuns, cmdCommands, cmdSlashC } from './cmd-model';

const AZ = 'C:\\Program Files (x86)\\Microsoft SDKs\\Azure\\CLI2\\wbin\\az.cmd';

/** Every command Windows would run for the invocation, after cmd.exe and the batch script have read it. */
function whatWindowsRuns(program: string, args: readonly string[]): { cmd: string[]; script: string[][] } {
  const invocation = invocationFor(program, args, 'win32', 'C:\\Windows\\system32\\cmd.exe');
  assert.equal(invocation.windowsVerbatimArguments, true);
  assert.deepEqual(invocation.args.slice(0, 4), ['/d', '/s', '/v:off', '/c']);
  const cmd = cmdSlashC(invocation.args[4]!, { PATH: 'C:\\Windows', USERNAME: 'agent' });
  return { cmd, script: cmd.length === 1 ? batchRuns(cmd[0]!) : [] };
}

describe('starting az.cmd on Windows (a model of cmd.exe on this machine)', () => {
  it('the model catches the old injection: an unquoted URL with & runs calc', () => {
    // What `spawn('az.cmd', args, { shell: true })` handed cmd.exe: the arguments joined with spaces.
    const old = ['az.cmd', ...azArguments('https://contoso-dev&calc&.crm.dynamics.com')].join(' ');
    assert.deepEqual(cmdCommands(old).map(c => argvOf(c)[0]), ['az.cmd', 'calc', '.crm.dynamics.com']);
  });

  it('runs exactly one command, and the Azure CLI gets exactly the intended arguments', () => {
    const args = azArguments('https://contoso.crm4.dynamics.com');
    const { cmd, script } = whatWindowsRuns(AZ, args);
    assert.equal(cmd.length, 1);
    assert.equal(argvOf(cmd[0]!)[0], AZ);
    assert.deepEqual(script, [['python.exe', '-m', 'azure.cli', ...args]]);
  });

  it('refuses, before any process starts, an argument holding anything cmd.exe could read', () => {
    for (const hostile of ['https://a&calc&.crm.dynamics.com', 'x"&calc&"', '%PATH%', '!x!', 'a^b', 'a|b', 'a>b', 'a b', 'a\nb', 'a,b', 'a;b', '']) {
      assert.throws(() => cmdCommandLine(AZ, ['--resource', hostile]), /cmd\.exe would read as commands/, JSON.stringify(hostile));
    }
    assert.throws(() => cmdCommandLine('C:\\evil"&calc&".cmd', []), /program path/);
  });

  it('never lets generated arguments start a second command or change the argument list', () => {
    const rand = seeded(13);
    const alphabet = 'abcXYZ019._:/=-&|<>^%!"() ,;\\\t';
    let accepted = 0;
    for (let n = 0; n < 3000; n++) {
      const args = Array.from({ length: 1 + Math.floor(rand() * 3) }, () =>
        Array.from({ length: 1 + Math.floor(rand() * 8) }, () => alphabet[Math.floor(rand() * alphabet.length)]).join(''),
      );
      let line: string;
      try {
        line = cmdCommandLine(AZ, args);
      } catch {
        continue;
      }
      accepted++;
      const cmd = cmdSlashC(`"${line}"`, { PATH: 'C:\\Windows' });
      assert.equal(cmd.length, 1, `${JSON.stringify(args)} started ${cmd.length} commands`);
      assert.deepEqual(batchRuns(cmd[0]!), [['python.exe', '-m', 'azure.cli', ...args]], JSON.stringify(args));
    }
    assert.ok(accepted > 100, `only ${accepted} generated argument lists were safe enough to test`);
  });

  it('starts programs other than scripts, and everything off Windows, directly with an argument list', () => {
    assert.deepEqual(invocationFor('az', ['a&b'], 'linux'), { file: 'az', args: ['a&b'], windowsVerbatimArguments: false });
    assert.deepEqual(invocationFor('C:\\tools\\az.exe', ['x'], 'win32'), { file: 'C:\\tools\\az.exe', args: ['x'], windowsVerbatimArguments: false });
  });
});

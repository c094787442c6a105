import * as assert from 'node:assert/strict';
import { realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import { commandTokenProvider } from '../../../src/sign-in';
import { FakePrograms } from './fake-programs';

describe('commandTokenProvider', () => {
  let programs: FakePrograms;
  beforeEach(() => {
    programs = new FakePrograms();
  });
  afterEach(() => programs.dispose());

  it('returns the trimmed stdout and tells the command when a fresh token is wanted', async () => {
    const script = programs.write('get-token', 'echo "  token-refresh-$OMNICHANNEL_FORCE_REFRESH  "');
    const provider = commandTokenProvider({ command: `'${script}'` });
    assert.equal(await provider(false), 'token-refresh-0');
    assert.equal(await provider(true), 'token-refresh-1');
  });

  it('runs the command line in the shell, in the given folder', async () => {
    programs.write('token.txt', 'ignored');
    const token = await commandTokenProvider({ command: 'test -f token.txt && echo from-shell | tr a-z A-Z', cwd: programs.dir })(false);
    assert.equal(token, 'FROM-SHELL');
  });

  it('runs in the home folder unless told otherwise', async () => {
    const folder = await commandTokenProvider({ command: 'pwd -P' })(false);
    assert.equal(folder, realpathSync(homedir()));
  });

  it('puts stderr and the exit code in the error, and never the command line', async () => {
    const script = programs.write('get-token', 'echo "vault is locked: run vault login" >&2\nexit 3');
    const error = await commandTokenProvider({ command: `'${script}' --secret hunter2` })(false).then(
      () => assert.fail('expected a rejection'),
      (e: Error) => e,
    );
    assert.match(error.message, /The token command failed \(exit code 3\): vault is locked: run vault login\./);
    assert.ok(!error.message.includes('hunter2'));
  });

  it('refuses empty or multi-word output without quoting it', async () => {
    await assert.rejects(commandTokenProvider({ command: 'true' })(false), /printed nothing: it must print the access token on stdout/);
    const error = await commandTokenProvider({ command: 'echo "Token: abc.def"' })(false).then(
      () => assert.fail('expected a rejection'),
      (e: Error) => e,
    );
    assert.match(error.message, /printed more than one word/);
    assert.ok(!error.message.includes('abc.def'));
  });

  it('stops a command that never finishes, children included', async () => {
    const script = programs.write('stuck', 'sleep 600 &\nwait');
    await assert.rejects(commandTokenProvider({ command: `'${script}'`, timeoutMs: 300 })(false), /did not finish within 300 ms and was stopped/);
  });

  it('an empty command is a clear error', async () => {
    await assert.rejects(commandTokenProvider({ command: '  ' })(false), /The token command is empty/);
  });

  it('a failing command that echoes a token on stderr has it taken out of the message', async () => {
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJkeW5hbWljcyJ9.c2lnbmF0dXJlLXZhbHVl';
    const script = programs.write('get-token', `echo "partial-token-value-123"\necho "refresh failed for Bearer ${jwt} and partial-token-value-123" >&2\nexit 3`);
    const error = await commandTokenProvider({ command: `'${script}'` })(false).then(() => undefined, (e: Error) => e);
    assert.ok(error);
    assert.match(error.message, /exit code 3\): refresh failed for Bearer \[redacted\] and \[redacted\]/);
    assert.ok(!error.message.includes(jwt) && !error.message.includes('partial-token-value-123'));
  });
});


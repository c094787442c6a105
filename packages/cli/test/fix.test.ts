/**
 * `--fix` and `--fix-dry-run`: every preferred fix applied until none is left, line breaks, encoding, mode
 * and links kept, nothing written that would not parse, atomic writes, and a dry run that writes nothing.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, lstatSync, readdirSync, readFileSync, realpathSync, statSync, symlinkSync } from 'node:fs';
import * as path from 'node:path';
import { syntaxErrors } from '../src/core';
import { BAD, parseJson, requireTool, runBundle, useTempDir } from './support';

// Several fixes on one call (some at one offset, so they take more than one pass), a typo'd member, an
// await without try: every problem here has a preferred fix.
const FIXABLE = [
  'function link(conversationId) {',
  '  Microsoft.Omnichannel.linkToConversation("case", "{5A2A6A28-9F8E-4C38-9A4F-1A0B3C2D4E5F}", conversationId);',
  '}',
  'async function two(c) {',
  '  Microsoft.Omnichannel.linkToConverstion("account", "5a2a6a28-9f8e-4c38-9a4f-1a0b3c2d4e5f", c);',
  '  await Microsoft.Omnichannel.linkToConversation("account", "5a2a6a28-9f8e-4c38-9a4f-1a0b3c2d4e5f", c);',
  '}',
  '',
].join('\n');
const UNFIXABLE = 'Microsoft.Omnichannel.linkToConversation("mytable", "5a2a6a28-9f8e-4c38-9a4f-1a0b3c2d4e5f").then(() => Microsoft.Apm.refreshTab("t"), e => e);\n';

describe('cli: --fix', () => {
  const t = useTempDir();
  const read = (rel: string) => readFileSync(path.join(t.dir(), rel));
  const text = (rel: string) => read(rel).toString('utf8');

  it('applies every preferred fix, and a second run finds nothing to fix and leaves the file alone', () => {
    t.write('src/f.js', FIXABLE);
    assert.equal(t.cli('src').code, 1, 'errors before fixing');
    const r = t.cli('--fix', 'src');
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stderr, /fixed 1 file\./);
    const fixed = text('src/f.js');
    assert.notEqual(fixed, FIXABLE);
    assert.match(fixed, /linkToConversation\("incident", "5a2a6a28-9f8e-4c38-9a4f-1a0b3c2d4e5f", conversationId\)/);
    assert.doesNotMatch(fixed, /linkToConverstion/);
    assert.deepEqual(syntaxErrors('f.js', fixed), []);
    assert.deepEqual(readdirSync(path.join(t.dir(), 'src')), ['f.js'], 'no temporary file is left behind');

    const before = statSync(path.join(t.dir(), 'src', 'f.js'));
    const again = t.cli('--fix', 'src');
    assert.equal(again.code, 0);
    assert.doesNotMatch(again.stderr, /fixed/);
    const after = statSync(path.join(t.dir(), 'src', 'f.js'));
    assert.deepEqual([after.ino, after.mtimeMs], [before.ino, before.mtimeMs], 'the second run wrote nothing');
    assert.match(t.cli('--fix-dry-run', 'src').stderr, /0 files would change/);
  });

  it('exits with what remains after fixing', () => {
    t.write('fixable.js', BAD);
    assert.equal(t.cli('--fix', 'fixable.js').code, 0);
    t.write('both.js', BAD + UNFIXABLE);
    const r = t.cli('--fix', 'both.js');
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^both\.js:5:\d+ error invalid-entity-name Use account, contact or incident: "mytable" cannot be linked\./m);
    assert.match(r.stdout, /1 problem \(1 error/);
    assert.match(text('both.js'), /"incident"/);
  });

  it('keeps CRLF line breaks, also in the lines a fix adds', () => {
    const crlf = 'async function f(c) {\r\n  await Microsoft.Omnichannel.linkToConversation("incident", "5a2a6a28-9f8e-4c38-9a4f-1a0b3c2d4e5f", c);\r\n}\r\n';
    t.write('w.js', crlf);
    t.cli('--fix', 'w.js');
    const fixed = text('w.js');
    assert.ok(fixed.split('\r\n').length > crlf.split('\r\n').length + 2, fixed);
    assert.doesNotMatch(fixed, /[^\r]\n/);
  });

  it('writes the file back in its encoding: UTF-8 with a BOM, UTF-16 LE and BE', () => {
    t.write('plain.js', FIXABLE);
    t.cli('--fix', 'plain.js');
    const expected = text('plain.js');
    t.write('bom.js', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(FIXABLE)]));
    t.write('le.js', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(FIXABLE, 'utf16le')]));
    t.write('be.js', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(FIXABLE, 'utf16le').swap16()]));
    const r = t.cli('--fix', 'bom.js', 'le.js', 'be.js');
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.deepEqual(read('bom.js'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(expected)]));
    assert.deepEqual(read('le.js'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(expected, 'utf16le')]));
    assert.deepEqual(read('be.js'), Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(expected, 'utf16le').swap16()]));
  });

  it("keeps the file's mode, and writes through a symbolic link to the file it names", () => {
    const target = t.write('real/target.js', BAD);
    chmodSync(target, 0o770); // group-writable: a umask of 022 would narrow a fresh file's mode
    symlinkSync('real/target.js', path.join(t.dir(), 'link.js'));
    assert.equal(t.cli('--fix', 'link.js').code, 0);
    assert.ok(lstatSync(path.join(t.dir(), 'link.js')).isSymbolicLink(), 'the link is still a link');
    assert.equal(realpathSync(path.join(t.dir(), 'link.js')), realpathSync(target));
    assert.match(text('real/target.js'), /"incident"/);
    assert.equal(statSync(target).mode & 0o7777, 0o770);
  });

  it('never inserts a refresh call that does not parse: the setting is refused and the default goes in', () => {
    // A refresh call with a missing parenthesis would have broken the file; it is refused as a setting.
    t.write('.vscode/settings.json', '{ "omnichannel.refreshCall": "Microsoft.Apm.refreshTab(" }');
    t.write('w.js', 'Microsoft.Omnichannel.linkToConversation("incident", "5a2a6a28-9f8e-4c38-9a4f-1a0b3c2d4e5f").catch(e => e);\n');
    const r = t.cli('--fix', 'w.js');
    assert.match(r.stderr, /omnichannel\.refreshCall/);
    assert.match(text('w.js'), /\.then\(\(\) => Microsoft\.Apm\.getFocusedSession\(\)\.getFocusedTab\(\)\.refresh\(\)\)/);
    assert.deepEqual(syntaxErrors('w.js', text('w.js')), []);
  });

  it('still fixes a file that already had a syntax error elsewhere', () => {
    t.write('a.js', BAD + 'let = ;\n');
    t.cli('--fix', 'a.js');
    assert.match(text('a.js'), /"incident"/);
  });

  it('exits 2 and leaves the file as it was when the fixes cannot be written', function () {
    this.timeout(120_000);
    // Root may write anywhere, so the fix runs as nobody, who may read the file but not write in its folder.
    requireTool(this, 'setpriv');
    chmodSync(t.dir(), 0o755);
    t.write('a.js', BAD);
    chmodSync(path.join(t.dir(), 'a.js'), 0o644);
    const r = runBundle(t.dir(), ['--fix', 'a.js'], 'nobody');
    assert.equal(r.code, 2, r.stdout + r.stderr);
    assert.match(r.stderr, /a\.js: could not write the fixes: permission denied \(EACCES\)\. The file is unchanged\./);
    assert.equal(text('a.js'), BAD);
    assert.match(r.stdout, /^a\.js:2:44 error invalid-entity-name/m, 'the problems of the file as it is are reported');
    assert.deepEqual(readdirSync(t.dir()), ['a.js'], 'no temporary file is left behind');
  });

  it('lints but does not rewrite a file that is not valid UTF-8', () => {
    const latin1 = Buffer.concat([Buffer.from('// caf'), Buffer.from([0xe9]), Buffer.from('\n' + BAD)]);
    t.write('legacy.js', latin1);
    const r = t.cli('--fix', 'legacy.js');
    assert.deepEqual(read('legacy.js'), latin1);
    assert.match(r.stderr, /legacy\.js: not fixed: it is not valid UTF-8 text, and writing it back would change bytes no fix touched\. Save it as UTF-8 first\./);
    assert.match(r.stdout, /^legacy\.js:3:44 error invalid-entity-name/m);
    assert.equal(r.code, 1);
  });
});

describe('cli: --fix-dry-run', () => {
  const t = useTempDir();

  it('prints a diff per file, writes nothing, and exits with what would remain', () => {
    t.write('a.js', BAD);
    t.write('b.js', UNFIXABLE);
    const before = statSync(path.join(t.dir(), 'a.js'));
    const r = t.cli('--fix-dry-run', 'a.js', 'b.js');
    assert.equal(r.code, 1, 'b.js keeps its error');
    assert.ok(r.stdout.startsWith('--- a/a.js\n+++ b/a.js\n@@ -1,4 +1,4 @@\n'), r.stdout);
    assert.match(r.stdout, /^-  Microsoft\.Omnichannel\.linkToConversation\("case"/m);
    assert.match(r.stdout, /^\+  Microsoft\.Omnichannel\.linkToConversation\("incident"/m);
    assert.doesNotMatch(r.stdout, /b\/b\.js/, 'b.js has nothing to fix');
    assert.match(r.stderr, /--fix-dry-run: 1 file would change; nothing was written\./);
    assert.equal(readFileSync(path.join(t.dir(), 'a.js'), 'utf8'), BAD);
    assert.equal(statSync(path.join(t.dir(), 'a.js')).mtimeMs, before.mtimeMs);
  });

  it('keeps a machine-readable report parsable: the diff goes to stderr, the fixed text into ESLint\'s output', () => {
    t.write('a.js', BAD);
    const r = t.cli('--fix-dry-run', '--format', 'json', 'a.js');
    const [result] = parseJson<{ output?: string; messages: unknown[] }[]>(r.stdout);
    assert.match(result!.output!, /"incident"/);
    assert.deepEqual(result!.messages, []);
    assert.match(r.stderr, /^--- a\/a\.js$/m);
  });

  it('prints a diff that git apply accepts and that gives exactly what --fix writes, CRLF files included', function () {
    requireTool(this, 'git');
    const crlf = 'async function f(c) {\r\n  // keep\r\n  await Microsoft.Omnichannel.linkToConversation("incident", "5a2a6a28-9f8e-4c38-9a4f-1a0b3c2d4e5f", c);\r\n}\r\n';
    const long = ['// one', '// two', '// three', '// four', '// five', '// six', '// seven', '// eight', ''].join('\n');
    t.write('src/a.js', BAD + long + BAD.replace('link(', 'linkAgain('));
    t.write('src/crlf.js', crlf);
    const diff = t.cli('--fix-dry-run', 'src').stdout.replace(/^\d+ problems?.*\n$/m, '');
    assert.equal((diff.match(/^@@ /gm) ?? []).length, 3, `two hunks for a.js (its fixes are far apart), one for crlf.js:\n${diff}`);
    t.write('fix.patch', diff);
    t.write('expected/src/a.js', readFileSync(path.join(t.dir(), 'src', 'a.js')));
    t.write('expected/src/crlf.js', readFileSync(path.join(t.dir(), 'src', 'crlf.js')));
    t.cli('--fix', 'src');
    const applied = spawnSync('git', ['apply', '--whitespace=nowarn', '--directory=expected', 'fix.patch'], { cwd: t.dir(), encoding: 'utf8' });
    assert.equal(applied.status, 0, applied.stderr);
    for (const file of ['src/a.js', 'src/crlf.js']) {
      assert.deepEqual(readFileSync(path.join(t.dir(), 'expected', file)), readFileSync(path.join(t.dir(), file)), file);
    }
  });
});

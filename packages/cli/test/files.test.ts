/**
 * Which files the CLI finds and how it treats hostile ones: symbolic links followed once, loops reported
 * and not followed, FIFOs and devices refused unopened, unreadable paths reported and failing the run.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, symlinkSync } from 'node:fs';
import * as path from 'node:path';
import { BAD, CLEAN, requireTool, runBundle, useTempDir } from './support';

describe('cli: files', () => {
  const t = useTempDir();
  const link = (target: string, at: string) => {
    mkdirSync(path.dirname(path.join(t.dir(), at)), { recursive: true });
    symlinkSync(target, path.join(t.dir(), at));
  };
  const errorFiles = (stdout: string) => stdout.split('\n').filter(l => / error /.test(l)).map(l => l.split(':')[0]);

  it('follows links to files and folders, and lints a file reached through two links once', () => {
    t.write('lib/shared.js', BAD);
    t.write('src/own.js', BAD);
    link('../lib/shared.js', 'src/one.js');
    link('../lib/shared.js', 'src/two.js');
    link('../lib', 'src/vendor');
    const r = t.cli('src');
    assert.equal(r.code, 1, r.stderr);
    assert.deepEqual(errorFiles(r.stdout), [path.join('src', 'one.js'), path.join('src', 'own.js')]);
    assert.match(r.stdout, /2 problems \(2 errors, 0 warnings, 0 infos\) in 2 files\./);
    assert.equal(r.stderr, '');
  });

  it('reports each link back to an enclosing folder once, does not follow it, and lints the rest', () => {
    t.write('src/a.js', BAD);
    t.write('src/sub/b.js', BAD);
    link('..', 'src/sub/up');
    link('../..', 'src/sub/deeper/top');
    const r = t.cli('src');
    assert.equal(r.code, 1, r.stderr);
    assert.deepEqual(errorFiles(r.stdout), [path.join('src', 'a.js'), path.join('src', 'sub', 'b.js')]);
    const loops = r.stderr.split('\n').filter(l => /a loop/.test(l));
    assert.equal(loops.length, 2, r.stderr);
    assert.match(loops.join('\n'), /src[\\/]sub[\\/]up is a symbolic link back to src, a folder it is inside of: not followed/);
    assert.match(loops.join('\n'), /src[\\/]sub[\\/]deeper[\\/]top is a symbolic link back to src,/);
  });

  it('reports a link loop and a dangling link that look like sources, fails the run, and lints the rest', () => {
    t.write('src/ok.js', BAD);
    link('l2.js', 'src/l1.js');
    link('l1.js', 'src/l2.js');
    link('missing.js', 'src/gone.js');
    link('nowhere.md', 'src/notes.md'); // not a source file: not ours to report
    const r = t.cli('src');
    assert.equal(r.code, 2, r.stdout + r.stderr);
    assert.match(r.stderr, /src[\\/]l1\.js: cannot read: a loop of symbolic links \(ELOOP\)\. Fix or remove the link/);
    assert.match(r.stderr, /src[\\/]l2\.js: cannot read: a loop of symbolic links \(ELOOP\)/);
    assert.match(r.stderr, /src[\\/]gone\.js: cannot read: a symbolic link to missing\.js, which does not exist\. Fix or remove the link \(or pass --no-error-on-unreadable/);
    assert.doesNotMatch(r.stderr, /notes\.md/);
    assert.deepEqual(errorFiles(r.stdout), [path.join('src', 'ok.js')]);
    assert.match(r.stdout, /3 paths could not be read/);
    const tolerant = t.cli('--no-error-on-unreadable', 'src');
    assert.equal(tolerant.code, 1, 'the errors in ok.js still fail the run');
    assert.match(tolerant.stderr, /gone\.js: cannot read/);
  });

  it('refuses a character device named on the command line without reading it', () => {
    t.write('a.js', CLEAN);
    const r = t.cli('a.js', '/dev/null');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /\/dev\/null: refused: it is a character device, not a source file, so it was not opened\. Leave it out of the paths you lint/);
    assert.match(r.stdout, /in 1 file/);
  });

  it('refuses FIFOs at once, named or found in a folder or as the settings file, instead of blocking on them', function () {
    this.timeout(120_000);
    requireTool(this, 'mkfifo');
    t.write('src/ok.js', BAD);
    mkdirSync(path.join(t.dir(), '.vscode'));
    for (const fifo of ['src/pipe.js', 'named.js', '.vscode/settings.json']) {
      assert.equal(spawnSync('mkfifo', [path.join(t.dir(), fifo)]).status, 0, `mkfifo ${fifo}`);
    }
    const r = runBundle(t.dir(), ['src', 'named.js']); // a read of any of them would block until the 30 s guard
    assert.equal(r.code, 2, r.stdout + r.stderr);
    assert.match(r.stderr, /src[\\/]pipe\.js: refused: it is a FIFO \(named pipe\), not a source file, so it was not opened/);
    assert.match(r.stderr, /named\.js: refused: it is a FIFO/);
    assert.match(r.stderr, /\.vscode[\\/]settings\.json: cannot read it: it is a FIFO \(named pipe\)/);
    assert.match(r.stdout, /^src[\\/]ok\.js:2:44 error/m);
  });

  it('reports folders and files it has no permission to read, and fails unless --no-error-on-unreadable', function () {
    this.timeout(120_000);
    // Root reads anything whatever its mode, so the CLI runs as nobody, for whom a mode of 000 really is EACCES.
    requireTool(this, 'setpriv');
    chmodSync(t.dir(), 0o755);
    t.write('src/ok.js', BAD);
    t.write('src/secret/hidden.js', BAD);
    t.write('src/locked.js', BAD);
    chmodSync(path.join(t.dir(), 'src', 'ok.js'), 0o644);
    chmodSync(path.join(t.dir(), 'src', 'secret'), 0o000);
    chmodSync(path.join(t.dir(), 'src', 'locked.js'), 0o000);
    for (const dir of ['src']) chmodSync(path.join(t.dir(), dir), 0o755);
    const r = runBundle(t.dir(), ['src'], 'nobody');
    assert.equal(r.code, 2, r.stdout + r.stderr);
    assert.match(r.stderr, /src[\\/]secret: cannot read: permission denied \(EACCES\)\. Give the user running the linter read access to it \(or pass --no-error-on-unreadable/);
    assert.match(r.stderr, /src[\\/]locked\.js: cannot read: permission denied \(EACCES\)/);
    assert.match(r.stdout, /^src[\\/]ok\.js:2:44 error/m, 'the readable file is still linted');
    assert.match(r.stdout, /2 paths could not be read/);

    const tolerant = runBundle(t.dir(), ['--no-error-on-unreadable', 'src'], 'nobody');
    assert.equal(tolerant.code, 1, 'only the readable file\'s errors decide');
    assert.match(tolerant.stderr, /src[\\/]secret: cannot read: permission denied \(EACCES\)\. Give the user running the linter read access to it\.$/m);
    t.write('src/ok.js', CLEAN);
    assert.equal(runBundle(t.dir(), ['--no-error-on-unreadable', 'src'], 'nobody').code, 0);
  });

  it('says so and exits 2 when every file was skipped as too large', () => {
    t.write('a.js', BAD);
    t.write('b.js', BAD);
    t.write('.vscode/settings.json', '{ "omnichannel.maxFileSize": 0 }');
    const r = t.cli('a.js', 'b.js');
    assert.equal(r.code, 2, r.stdout + r.stderr);
    assert.match(r.stderr, /nothing was linted: all 2 files were skipped as larger than omnichannel\.maxFileSize \(0\)\. Raise it in \.vscode[\\/]settings\.json/);
    assert.match(r.stdout, /^a\.js: skipped: /m);
    assert.match(r.stdout, /in 0 files; 2 files not analysed\./);

    t.write('.vscode/settings.json', `{ "omnichannel.maxFileSize": ${BAD.length} }`);
    t.write('big.js', BAD + '// one line more\n');
    const some = t.cli('a.js', 'big.js');
    assert.equal(some.code, 1, 'a.js is linted and has an error');
    assert.match(some.stdout, /^big\.js: skipped: big\.js is \d+ characters, above omnichannel\.maxFileSize/m);
    assert.match(some.stdout, /in 1 file; 1 file not analysed\./);
  });
});

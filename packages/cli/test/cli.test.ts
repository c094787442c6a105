/** The CLI's command line: text output, folders and globs, settings, --max-warnings, --rule, exit codes, usage. */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { BAD, CLEAN, WARNS, builtCli, parseJson, runBundle, useTempDir } from './support';

describe('cli', () => {
  const t = useTempDir();

  it('prints file:line:col severity rule message and a summary, and exits 1 on errors', () => {
    t.write('src/link.js', BAD);
    const r = t.cli('src/link.js');
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /^src[\\/]link\.js:2:44 error invalid-entity-name Use "incident": "case" is not a table/m);
    assert.match(r.stdout, /1 problem \(1 error, 0 warnings, 0 infos\) in 1 file\./);
  });

  it('prints each rule\'s explanation under its problem with --explain, as hover shows it, and not without', () => {
    t.write('src/link.js', BAD);
    const why = '    linkToConversation matches logical names exactly, and a conversation links only an account, a contact or an incident. ' +
      "A case's logical name is `incident`.";
    const explained = t.cli('--explain', 'src/link.js');
    assert.equal(explained.code, 1, explained.stderr);
    const lines = explained.stdout.split('\n');
    const at = lines.findIndex(l => /^src[\\/]link\.js:2:44 error invalid-entity-name /.test(l));
    assert.ok(at >= 0, explained.stdout);
    assert.equal(lines[at + 1], why);
    assert.match(lines[at + 2]!, /^1 problem \(1 error/);
    assert.ok(!t.cli('src/link.js').stdout.includes('matches logical names exactly'), 'without --explain only the short message');
    // With --output, the text report on stderr is the one explained.
    const reported = t.cli('--explain', '--format', 'json', '--output', 'lint.json', 'src/link.js');
    assert.ok(reported.stderr.split('\n').includes(why), reported.stderr);
  });

  it('walks folders for source files only, skipping node_modules', () => {
    t.write('web/a.ts', BAD);
    t.write('web/deep/b.mjs', BAD);
    t.write('web/readme.md', BAD);
    t.write('web/types.d.ts', BAD);
    t.write('web/node_modules/lib/c.js', BAD);
    const r = t.cli('web');
    assert.equal(r.code, 1);
    const files = [...new Set(r.stdout.split('\n').filter(l => l.includes(' error ')).map(l => l.split(':')[0]))];
    assert.deepEqual(files.sort(), [path.join('web', 'a.ts'), path.join('web', 'deep', 'b.mjs')]);
  });

  it('expands globs itself, each pattern on its own', () => {
    t.write('web/a.js', BAD);
    t.write('web/x/b.jsx', BAD);
    t.write('web/x/c.ts', BAD);
    t.write('other/c.js', BAD);
    const r = t.cli('--format', 'json', 'web/**/*.{js,jsx}', 'web/**/*.ts');
    const json = parseJson<{ filePath: string; errorCount: number }[]>(r.stdout);
    const files = json.map(f => path.relative(t.dir(), f.filePath)).sort();
    assert.deepEqual(files, [path.join('web', 'a.js'), path.join('web', 'x', 'b.jsx'), path.join('web', 'x', 'c.ts')]);
    assert.equal(json.reduce((n, f) => n + f.errorCount, 0), 3);
  });

  it('fails on warnings only above --max-warnings', () => {
    t.write('w.js', WARNS);
    const lenient = t.cli('w.js');
    assert.equal(lenient.code, 0, lenient.stdout);
    assert.match(lenient.stdout, /warning missing-ui-refresh/);
    assert.equal(t.cli('--max-warnings', '1', 'w.js').code, 0);
    const strict = t.cli('--max-warnings', '0', 'w.js');
    assert.equal(strict.code, 1);
    assert.match(strict.stderr, /more than --max-warnings 0/);
  });

  it('applies --rule severities over the defaults', () => {
    t.write('a.js', BAD);
    const off = t.cli('--rule', 'invalid-entity-name=off', 'a.js');
    assert.equal(off.code, 0);
    assert.match(off.stdout, /0 problems/);
    t.write('w.js', WARNS);
    assert.equal(t.cli('--rule=missing-ui-refresh=error', 'w.js').code, 1);
  });

  it('reads omnichannel.* settings from .vscode/settings.json (with comments)', () => {
    t.write('a.js', BAD);
    t.write('.vscode/settings.json', '{\n  // team settings\n  "omnichannel.rules": { "invalid-entity-name": "warning" },\n  "editor.tabSize": 2,\n}\n');
    const r = t.cli('a.js');
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /warning invalid-entity-name/);
  });

  it('reports a wrong settings.json value even when --rule is given, and still applies --rule', () => {
    t.write('a.js', BAD);
    t.write('.vscode/settings.json', '{ "omnichannel.rules": "strict" }\n');
    const r = t.cli('--rule', 'invalid-entity-name=warning', 'a.js');
    assert.match(r.stderr, /\.vscode[\\/]settings\.json: omnichannel\.rules: expected an object mapping rule ids/);
    assert.match(r.stdout, /warning invalid-entity-name/);
    assert.equal(r.code, 0, r.stdout + r.stderr);
  });

  it('names the line and column of a syntax error in settings.json', () => {
    t.write('a.js', BAD);
    t.write('.vscode/settings.json', '{\n  "omnichannel.rules": { "invalid-entity-name": warning }\n}\n');
    const r = t.cli('a.js');
    assert.match(r.stderr, /\.vscode[\\/]settings\.json: not valid JSON \(InvalidSymbol at line 2, column 49\); using the default settings/);
    assert.match(r.stdout, /error invalid-entity-name/);
  });

  it('exits 0 on clean files', () => {
    t.write('clean.ts', CLEAN);
    const r = t.cli('clean.ts');
    assert.equal(r.code, 0);
    assert.match(r.stdout, /0 problems .* in 1 file\./);
  });

  it('exits 2 with a clear message on usage errors', () => {
    t.write('a.js', BAD);
    const cases: [string[], RegExp][] = [
      [[], /No files given/],
      [['--format', 'xml', 'a.js'], /--format takes "text", "json", "sarif", "github"; got "xml"/],
      [['--format'], /--format takes .*; got nothing/],
      [['--explain', '--format', 'sarif', 'a.js'], /--explain explains the text report, and --format sarif without --output prints none/],
      [['--explain=yes', 'a.js'], /--explain takes no value; got "yes"/],
      [['--output'], /--output takes a file name/],
      [['--fix', '--fix-dry-run', 'a.js'], /--fix and --fix-dry-run exclude each other/],
      [['--fix=yes', 'a.js'], /--fix takes no value; got "yes"/],
      [['--max-warnings', 'many', 'a.js'], /--max-warnings takes a whole number/],
      [['--rule', 'no-such-rule=error', 'a.js'], /"no-such-rule" is not a rule; the rules are invalid-entity-name/],
      [['--rule', 'invalid-entity-name=loud', 'a.js'], /"loud" is not a severity/],
      [['--frobnicate', 'a.js'], /Unknown option --frobnicate/],
      [['missing.js'], /"missing\.js" does not exist/],
      [['nothing/**/*.js'], /No source files match "nothing\/\*\*\/\*\.js"/],
    ];
    for (const [args, message] of cases) {
      const r = t.cli(...args);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
      assert.match(r.stderr, message, args.join(' '));
      // Only the message: no "0 problems ... in 0 files." beside it.
      assert.doesNotMatch(r.stdout + r.stderr, /0 problems/, args.join(' '));
    }
    // A wrong path next to a right one: the right one is still linted and summed up.
    const both = t.cli('missing.js', 'a.js');
    assert.equal(both.code, 2);
    assert.match(both.stderr, /"missing\.js" does not exist/);
    assert.match(both.stdout, /problems? \(1 error/);
    // A machine-readable report is still written, and parses.
    const json = t.cli('--format', 'json', 'missing.js');
    assert.equal(json.code, 2);
    assert.doesNotThrow(() => JSON.parse(json.stdout));
    const help = t.cli('--help');
    assert.equal(help.code, 0);
    assert.match(help.stdout, /--max-warnings N/);
    assert.match(help.stdout, /--no-error-on-unreadable/);
  });

  it('lints a file whose name starts with a dash after --', () => {
    t.write('-odd.js', BAD);
    const r = t.cli('--', '-odd.js');
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /^-odd\.js:2:44 error/m);
  });

  it('lints a file with syntax errors without crashing', () => {
    t.write('broken.js', '}}} Microsoft.Omnichannel.linkToConversation("case", \n');
    const r = t.cli('broken.js');
    assert.ok(r.code === 0 || r.code === 1, r.stderr);
    assert.match(r.stdout, /in 1 file\./);
  });

  it('writes the report to --output and still shows the problems and summary on stderr', () => {
    t.write('a.js', BAD);
    const r = t.cli('--format', 'json', '--output', 'reports/lint.json', 'a.js');
    assert.equal(r.code, 1);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /a\.js:2:44 error invalid-entity-name/);
    assert.match(r.stderr, /1 problem \(1 error/);
    const json = parseJson<{ errorCount: number }[]>(readFileSync(path.join(t.dir(), 'reports', 'lint.json'), 'utf8'));
    assert.equal(json[0]!.errorCount, 1);
  });

  it('exits 2 and says so when the report cannot be written', () => {
    t.write('a.js', CLEAN);
    t.write('taken', 'a file where a folder is needed');
    const r = t.cli('--output', 'taken/report.txt', 'a.js');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /cannot write the report to taken\/report\.txt: .*\(E(EXIST|NOTDIR)\)/);
  });

  it('runs as the built bundle: a script with a shebang that knows its version', function () {
    this.timeout(120_000);
    const cli = builtCli();
    assert.match(readFileSync(cli, 'utf8').slice(0, 20), /^#!\/usr\/bin\/env node/);
    t.write('a.js', BAD);
    const r = runBundle(t.dir(), ['--format', 'github', 'a.js']);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /^::error file=a\.js,line=2,col=44,/m);
    const version = runBundle(t.dir(), ['--version']);
    assert.match(version.stdout, /^\d+\.\d+\.\d+/);
  });
});

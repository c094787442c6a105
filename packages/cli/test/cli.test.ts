import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const BAD = [
  'function link(conversationId) {',
  '  Microsoft.Omnichannel.linkToConversation("case", "5a2a6a28-9f8e-4c38-9a4f-1a0b3c2d4e5f", conversationId)',
  '    .then(() => Microsoft.Apm.refreshTab("t"), e => console.error(e));',
  '}',
  '',
].join('\n');
const WARNS = 'Microsoft.Omnichannel.linkToConversation("incident", "5a2a6a28-9f8e-4c38-9a4f-1a0b3c2d4e5f").catch(e => e);\n';
const CLEAN = 'export const x = 1;\n';

describe('cli', () => {
  let dir: string;
  let cli: string;

  before(function () {
    this.timeout(120_000);
    // The package's own bin, as npm links it.
    cli = path.join(__dirname, '..', 'src', 'bin.js');
  });

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'omnichannel-cli-'));
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function write(rel: string, text: string): void {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }

  function run(...args: string[]): { code: number | null; stdout: string; stderr: string } {
    const r = spawnSync(process.execPath, [cli, ...args], { cwd: dir, encoding: 'utf8' });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  it('prints file:line:col severity rule message and a summary, and exits 1 on errors', () => {
    write('src/link.js', BAD);
    const r = run('src/link.js');
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /^src[\\/]link\.js:2:44 error invalid-entity-name "case" is not an entity/m);
    assert.match(r.stdout, /1 problem \(1 error, 0 warnings, 0 infos\) in 1 file\./);
  });

  it('walks folders for source files only, skipping node_modules', () => {
    write('web/a.ts', BAD);
    write('web/deep/b.mjs', BAD);
    write('web/readme.md', BAD);
    write('web/node_modules/lib/c.js', BAD);
    const r = run('web');
    assert.equal(r.code, 1);
    const files = [...new Set(r.stdout.split('\n').filter(l => l.includes(' error ')).map(l => l.split(':')[0]))];
    assert.deepEqual(files.sort(), [path.join('web', 'a.ts'), path.join('web', 'deep', 'b.mjs')]);
  });

  it('expands globs itself', () => {
    write('web/a.js', BAD);
    write('web/x/b.jsx', BAD);
    write('other/c.js', BAD);
    const r = run('--format', 'json', 'web/**/*.{js,jsx}');
    const json = JSON.parse(r.stdout) as { files: { file: string }[]; summary: { errors: number; files: number } };
    assert.deepEqual(json.files.map(f => f.file).sort(), [path.join('web', 'a.js'), path.join('web', 'x', 'b.jsx')]);
    assert.equal(json.summary.errors, 2);
  });

  it('writes JSON with one-based positions', () => {
    write('a.js', BAD);
    const json = JSON.parse(run('--format=json', 'a.js').stdout);
    assert.deepEqual(json.files[0].problems[0], {
      ruleId: 'invalid-entity-name',
      severity: 'error',
      message: json.files[0].problems[0].message,
      line: 2,
      column: 44,
      endLine: 2,
      endColumn: 50,
    });
    assert.deepEqual(json.summary, { files: 1, errors: 1, warnings: 0, infos: 0 });
  });

  it('fails on warnings only above --max-warnings', () => {
    write('w.js', WARNS);
    const lenient = run('w.js');
    assert.equal(lenient.code, 0, lenient.stdout);
    assert.match(lenient.stdout, /warning missing-ui-refresh/);
    assert.equal(run('--max-warnings', '1', 'w.js').code, 0);
    const strict = run('--max-warnings', '0', 'w.js');
    assert.equal(strict.code, 1);
    assert.match(strict.stderr, /more than --max-warnings 0/);
  });

  it('applies --rule severities over the defaults', () => {
    write('a.js', BAD);
    const off = run('--rule', 'invalid-entity-name=off', 'a.js');
    assert.equal(off.code, 0);
    assert.match(off.stdout, /0 problems/);
    write('w.js', WARNS);
    assert.equal(run('--rule=missing-ui-refresh=error', 'w.js').code, 1);
  });

  it('reads omnichannel.* settings from .vscode/settings.json (with comments)', () => {
    write('a.js', BAD);
    write('.vscode/settings.json', '{\n  // team settings\n  "omnichannel.rules": { "invalid-entity-name": "warning" },\n  "editor.tabSize": 2,\n}\n');
    const r = run('a.js');
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /warning invalid-entity-name/);
  });

  it('reports a wrong settings.json value even when --rule is given, and still applies --rule', () => {
    write('a.js', BAD);
    write('.vscode/settings.json', '{ "omnichannel.rules": "strict" }\n');
    const r = run('--rule', 'invalid-entity-name=warning', 'a.js');
    assert.match(r.stderr, /\.vscode[\\/]settings\.json: omnichannel\.rules: expected an object mapping rule ids/);
    assert.match(r.stdout, /warning invalid-entity-name/);
    assert.equal(r.code, 0, r.stdout + r.stderr);
  });

  it('names the line and column of a syntax error in settings.json', () => {
    write('a.js', BAD);
    write('.vscode/settings.json', '{\n  "omnichannel.rules": { "invalid-entity-name": warning }\n}\n');
    const r = run('a.js');
    assert.match(r.stderr, /\.vscode[\\/]settings\.json: not valid JSON \(InvalidSymbol at line 2, column 49\); using the default settings/);
    assert.match(r.stdout, /error invalid-entity-name/);
  });

  it('exits 0 on clean files', () => {
    write('clean.ts', CLEAN);
    const r = run('clean.ts');
    assert.equal(r.code, 0);
    assert.match(r.stdout, /0 problems .* in 1 file\./);
  });

  it('exits 2 with a clear message on usage errors', () => {
    write('a.js', BAD);
    const cases: [string[], RegExp][] = [
      [[], /No files given/],
      [['--format', 'xml', 'a.js'], /--format takes "text" or "json", got "xml"/],
      [['--max-warnings', 'many', 'a.js'], /--max-warnings takes a whole number/],
      [['--rule', 'no-such-rule=error', 'a.js'], /"no-such-rule" is not a rule; the rules are invalid-entity-name/],
      [['--rule', 'invalid-entity-name=loud', 'a.js'], /"loud" is not a severity/],
      [['--frobnicate', 'a.js'], /Unknown option --frobnicate/],
      [['missing.js'], /"missing\.js" does not exist/],
      [['nothing/**/*.js'], /No source files match "nothing\/\*\*\/\*\.js"/],
    ];
    for (const [args, message] of cases) {
      const r = run(...args);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
      assert.match(r.stderr, message, args.join(' '));
    }
    const help = run('--help');
    assert.equal(help.code, 0);
    assert.match(help.stdout, /--max-warnings N/);
  });

  it('lints a file with syntax errors without crashing', () => {
    write('broken.js', '}}} Microsoft.Omnichannel.linkToConversation("case", \n');
    const r = run('broken.js');
    assert.ok(r.code === 0 || r.code === 1, r.stderr);
    assert.match(r.stdout, /in 1 file\./);
  });
});

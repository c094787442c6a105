/** `--format json` is ESLint's LintResult[]: ESLint's own formatters read it, and its fixes apply as ESLint's do. */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ESLint } from 'eslint';
import type { LintResult } from '../src/format-json';
import { BAD, afterTwoCustomerLinks, parseJson, useTempDir } from './support';

// Two links to the same customer slot (an info), then a bare link naming a wrong table (an error and two warnings).
const MIXED = afterTwoCustomerLinks('Microsoft.Omnichannel.linkToConversation("case", "5a2a6a28-9f8e-4c38-9a4f-1a0b3c2d4e5f");');

describe('cli: --format json', () => {
  const t = useTempDir();

  it("writes ESLint's LintResult shape: absolute paths, one-based positions, severities 2 and 1, counts", () => {
    t.write('a.js', BAD);
    const [result, ...rest] = parseJson<LintResult[]>(t.cli('--format', 'json', 'a.js').stdout);
    assert.equal(rest.length, 0);
    assert.equal(result!.filePath, path.join(t.dir(), 'a.js'));
    assert.deepEqual(result!.messages, [
      {
        ruleId: 'invalid-entity-name',
        severity: 2,
        message: result!.messages[0]!.message,
        line: 2,
        column: 44,
        endLine: 2,
        endColumn: 50,
        fix: { range: [BAD.indexOf('"case"') + 1, BAD.indexOf('"case"') + 5], text: 'incident' },
      },
    ]);
    assert.deepEqual(
      [result!.errorCount, result!.fatalErrorCount, result!.warningCount, result!.fixableErrorCount, result!.fixableWarningCount],
      [1, 0, 0, 1, 0],
    );
    assert.equal(result!.source, BAD);
  });

  it('reports infos as severity 1, as ESLint has no lower level', () => {
    t.write('m.js', MIXED);
    const [result] = parseJson<LintResult[]>(t.cli('--format', 'json', 'm.js').stdout);
    const info = result!.messages.find(m => m.ruleId === 'link-overridden');
    assert.ok(info, JSON.stringify(result!.messages));
    assert.equal(info.severity, 1);
  });

  it("is read by ESLint's own stylish formatter", async () => {
    t.write('m.js', MIXED);
    const results = parseJson<ESLint.LintResult[]>(t.cli('--format', 'json', 'm.js').stdout);
    const formatter = await new ESLint({ cwd: t.dir() }).loadFormatter('stylish');
    const text = await formatter.format(results);
    assert.match(text, /8:42\s+error\s+Use "incident": "case" is not a table .*invalid-entity-name/);
    assert.match(text, /4:33\s+warning\s+Keep only one customer .*link-overridden/);
    assert.match(text, /✖ 4 problems \(1 error, 3 warnings\)\n\s+1 error and 2 warnings potentially fixable/);
  });

  it('gives fixes that, applied to the source as ESLint applies them, produce what --fix writes', () => {
    t.write('m.js', MIXED);
    const [result] = parseJson<LintResult[]>(t.cli('--format', 'json', 'm.js').stdout);
    let text = result!.source!;
    // Last first, so earlier offsets hold; of two insertions at one offset, the later message goes in first to end up after.
    const fixes = result!.messages
      .flatMap((m, order) => (m.fix ? [{ ...m.fix, order }] : []))
      .sort((a, b) => b.range[0] - a.range[0] || b.order - a.order);
    assert.ok(fixes.length >= 2, 'the sample has several fixes');
    for (const fix of fixes) text = text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);
    t.cli('--fix', 'm.js');
    assert.equal(readFileSync(path.join(t.dir(), 'm.js'), 'utf8'), text);
  });

  it('gives a file that could not be read a fatal message, and one not analysed a warning', () => {
    t.write('ok.js', BAD);
    t.write('big.js', BAD + '\n'.repeat(50));
    t.write('.vscode/settings.json', `{ "omnichannel.maxFileSize": ${BAD.length + 10} }`);
    const results = parseJson<LintResult[]>(t.cli('--format', 'json', 'ok.js', 'big.js', '/dev/null').stdout);
    const byName = new Map(results.map(r => [path.basename(r.filePath), r]));
    const device = byName.get('null')!;
    assert.deepEqual(device.messages, [{ ruleId: null, severity: 2, fatal: true, message: device.messages[0]!.message }]);
    assert.match(device.messages[0]!.message, /refused: it is a character device/);
    assert.deepEqual([device.errorCount, device.fatalErrorCount], [1, 1]);
    const big = byName.get('big.js')!;
    assert.equal(big.messages[0]!.ruleId, null);
    assert.equal(big.messages[0]!.severity, 1);
    assert.match(big.messages[0]!.message, /^Not analysed: big\.js is \d+ characters, above omnichannel\.maxFileSize/);

    const tolerant = parseJson<LintResult[]>(t.cli('--format', 'json', '--no-error-on-unreadable', 'ok.js', '/dev/null').stdout);
    const lenient = tolerant.find(r => r.filePath === '/dev/null')!;
    assert.equal(lenient.messages[0]!.severity, 1);
    assert.equal(lenient.messages[0]!.fatal, undefined);
  });
});

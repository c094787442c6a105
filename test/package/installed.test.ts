/**
 * The npm packages as a user installs them: packed tarballs in a throwaway project outside the repository,
 * each run there as its README says. The CLI and the language server must report the same problems.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { lspSession } from '../support/lsp-session';
import { ThrowawayProject } from './support/throwaway-project';

const FORM = [
  'function linkCase(caseId, conversationId) {',
  '  Microsoft.Omnichannel.linkToConversation("case", caseId, conversationId);',
  '}',
  '',
].join('\n');

/** `line:rule` pairs, 1-based lines, sorted: what every tool must agree on. */
type Report = string[];

describe('the npm packages, installed from their tarballs', function () {
  this.timeout(180_000);
  let project: ThrowawayProject;
  let form: string;

  before(function () {
    this.timeout(360_000); // packing every package and an install from the registry, slow on a busy machine
    // Two more compilers next to the tarballs: the typings must work with TypeScript 5.x and 7 too.
    project = ThrowawayProject.create(['ts5@npm:typescript@5', 'ts7@npm:typescript@7', 'eslint@10', 'eslint9@npm:eslint@9']);
    form = project.write('src/form.js', FORM);
    project.write('eslint.config.mjs', "import omnichannel from '@omnichannel-tools/eslint-plugin';\n\nexport default [...omnichannel.configs.recommended];\n");
  });
  after(() => project?.dispose());

  it('npx omnichannel-lint reports the problems and exits 1', () => {
    const result = project.bin('omnichannel-lint', ['src']);
    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stdout, /src[\\/]form\.js:2:\d+ error invalid-entity-name/);
  });

  it('omnichannel-language-server --stdio publishes the same problems as the CLI', async () => {
    const fromCli = cliReport(project);
    const fromServer = await serverReport(project, form);
    assert.deepEqual(fromServer, fromCli);
    assert.ok(fromCli.includes('2:invalid-entity-name'));
  });

  for (const eslint of ['eslint9', 'eslint']) {
    it(`npx eslint (${eslint === 'eslint' ? 'ESLint 10' : 'ESLint 9'}) with the plugin reports the same problems as the CLI`, () => {
      const result = project.module(`${eslint}/bin/eslint.js`, ['--format', 'json', 'src']);
      assert.equal(result.status, 1, result.stderr);
      const fromEslint = (JSON.parse(result.stdout) as { messages: { line: number; ruleId: string }[] }[])
        .flatMap(file => file.messages.map(m => `${m.line}:${m.ruleId.replace(/^omnichannel\//, '')}`))
        .sort();
      assert.deepEqual(fromEslint, cliReport(project));
    });
  }

  it('npx omnichannel-lint --fix fixes the file, and a second run has nothing left to fix', () => {
    project.write('fixable/form.js', FORM);
    assert.equal(project.bin('omnichannel-lint', ['--fix', 'fixable']).status, 0, 'no errors remain once fixed');
    const once = project.read('fixable/form.js');
    assert.match(once, /linkToConversation\("incident"/);
    project.bin('omnichannel-lint', ['--fix', 'fixable']);
    assert.equal(project.read('fixable/form.js'), once);
  });

  it('npx omnichannel-lint --format sarif writes a SARIF 2.1.0 log', () => {
    project.bin('omnichannel-lint', ['src', '--format', 'sarif', '--output', 'out/omnichannel.sarif']);
    const log = JSON.parse(project.read('out/omnichannel.sarif')) as { version: string; runs: { results: { ruleId: string }[] }[] };
    assert.equal(log.version, '2.1.0');
    assert.ok(log.runs[0]!.results.some(r => r.ruleId === 'invalid-entity-name'));
  });

  it('npx omnichannel-lint --format github prints workflow annotations for the findings', () => {
    const result = project.bin('omnichannel-lint', ['--format', 'github', 'src']);
    assert.equal(result.status, 1, result.stderr);
    const annotations = result.stdout.split('\n').filter(line => line.startsWith('::'));
    // One annotation per finding, each pinned to the file and line GitHub shows it on in the pull request.
    assert.deepEqual(
      annotations.map(a => /^::(error|warning|notice) file=([^,]+),line=(\d+),col=\d+,endLine=\d+,endColumn=\d+,title=omnichannel\/([\w-]+)::./.exec(a)?.slice(1).join(' ') ?? `unexpected: ${a}`).sort(),
      cliReport(project).map(entry => {
        const [line, rule] = entry.split(':');
        return `${rule === 'invalid-entity-name' ? 'error' : 'warning'} src/form.js ${line} ${rule}`;
      }).sort(),
    );
    assert.ok(annotations.some(a => a.startsWith('::warning file=src/form.js,line=2,')), `a warning annotation on src/form.js line 2:\n${result.stdout}`);
  });

  it("@omnichannel-tools/core: its README's example runs as written and prints the findings", () => {
    const readme = readFileSync(path.resolve(__dirname, '../../../packages/core/README.md'), 'utf8');
    const example = /```js\n([^`]*require\('@omnichannel-tools\/core'\)[^`]*)```/.exec(readme)?.[1];
    assert.ok(example, 'the core README has a JavaScript example that requires the package');
    project.write('core-example.cjs', example);
    const result = project.node(['core-example.cjs']);
    assert.equal(result.status, 0, `${result.stdout}${result.stderr}`);
    assert.match(result.stdout, /^invalid-entity-name error Use "incident": "case" is not a table linkToConversation accepts\. \d+ \d+$/m);
  });

  for (const compiler of ['ts5', 'ts7']) {
    it(`@omnichannel-tools/types: ${compiler} accepts correct code and rejects each marked mistake`, () => {
      project.write('typed/tsconfig.json', JSON.stringify({ compilerOptions: { strict: true, noEmit: true, target: 'es2022', lib: ['es2022', 'dom'], types: ['@omnichannel-tools/types'] }, include: ['*.ts'] }));
      project.write('typed/form.ts', TYPED);
      const result = project.module(`${compiler}/bin/tsc`, ['-p', 'typed']);
      assert.equal(result.status, 0, `${result.stdout}${result.stderr}`);
      project.write('typed/form.ts', TYPED.replace("'incident'", "'case'"));
      const wrong = project.module(`${compiler}/bin/tsc`, ['-p', 'typed']);
      assert.notEqual(wrong.status, 0);
      assert.match(wrong.stdout, /"case"/);
    });
  }
});

const TYPED = [
  'export async function linkCase(caseId: string, conversationId: string): Promise<void> {',
  "  await Microsoft.Omnichannel.linkToConversation('incident', caseId, conversationId);",
  '  Microsoft.Apm.getFocusedSession().getFocusedTab().refresh();',
  '}',
  '// @ts-expect-error a misspelt member',
  "Microsoft.Omnichannel.linkToConverstion('incident', 'x');",
  '',
].join('\n');

function cliReport(project: ThrowawayProject): Report {
  const result = project.bin('omnichannel-lint', ['--format', 'json', 'src']);
  const parsed = JSON.parse(result.stdout) as { messages: { line: number; ruleId: string }[] }[];
  return parsed.flatMap(file => file.messages.map(m => `${m.line}:${m.ruleId}`)).sort();
}

async function serverReport(project: ThrowawayProject, file: string): Promise<Report> {
  const command = path.join(project.dir, 'node_modules', '.bin', 'omnichannel-language-server');
  const diagnostics = await lspSession({ command, args: ['--stdio'], cwd: project.dir, file, text: FORM });
  return diagnostics.map(d => `${d.range.start.line + 1}:${String(d.code)}`).sort();
}

/**
 * The testing package's README examples, run as a user runs them: the tarball installed in a throwaway
 * project with jest, vitest, mocha and node:test, each example written out from the README's code blocks
 * (the block's first line names its file) and run by its own runner. An example that drifts from the
 * package fails here.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ThrowawayProject } from './support/throwaway-project';

const README = readFileSync(path.resolve(__dirname, '../../../packages/testing/README.md'), 'utf8');

/** The code blocks of one README section (`## Jest`, …), or of the whole README, by the file their first line names. */
function blocks(section: string | undefined): Map<string, string> {
  const text = section === undefined ? README : sectionText(section);
  const files = new Map<string, string>();
  for (const m of text.matchAll(/```(?:js|ts)\n\/\/ (\S+)\n([\s\S]*?)```/g)) files.set(m[1]!, m[2]!);
  return files;
}

/** The text of one README section (`## Jest`, …). */
function sectionText(section: string): string {
  return README.split(/^## /m).find(p => p.startsWith(`${section}\n`)) ?? '';
}

/** The command a section says to run its example with (`Run: \`npx mocha\``), as program and arguments. */
function command(section: string): string[] {
  const run = /^Run: `([^`]+)`/m.exec(sectionText(section))?.[1];
  assert.ok(run, `the README's ${section} section says how to run its example ("Run: \`…\`")`);
  return run.split(' ');
}

describe('@omnichannel-tools/testing: the README examples under each runner', function () {
  this.timeout(300_000);
  let project: ThrowawayProject;
  // The script under test and its form context, which every example imports.
  const shared = new Map([...blocks(undefined)].filter(([name]) => name === 'case-form.js' || name === 'form-context.js'));

  before(() => {
    project = ThrowawayProject.create(['jest@30', 'mocha@11', 'vitest@4.1.12', 'vite@8.3.8']);
  });
  after(() => project?.dispose());

  /** Writes the script under test, its form context and the runner's example files into `folder`. */
  function lay(folder: string, section: string): void {
    const files = blocks(section);
    assert.ok(files.size > 0, `the README has no example for ${section}`);
    // A name such as `test/case-form.test.js` keeps its folder: it imports the script from the one above.
    for (const [name, text] of [...shared, ...files]) project.write(path.join(folder, name), text);
  }

  /** Lays the section's example in a folder of its own and runs the section's command there. */
  function runSection(folder: string, section: string) {
    lay(folder, section);
    const [program, ...args] = command(section);
    if (program === 'npx') return project.bin(args[0]!, args.slice(1), folder);
    assert.equal(program, 'node', `the ${section} command starts with npx or node`);
    return project.node(args, folder);
  }

  it('the script under test and its form context are in the README', () => {
    assert.ok(shared.has('case-form.js') && shared.has('form-context.js'), [...shared.keys()].join(', '));
  });

  it("jest runs the Jest example with the README's command and it passes", () => {
    const r = runSection('jest', 'Jest');
    assert.equal(r.status, 0, `${r.stdout}${r.stderr}`);
    assert.match(r.stderr, /Tests:\s+\d+ passed/);
  });

  it("vitest runs the Vitest example with the README's command and it passes", () => {
    const r = runSection('vitest', 'Vitest');
    assert.equal(r.status, 0, `${r.stdout}${r.stderr}`);
    assert.match(r.stdout, /\d+ passed/);
  });

  it("mocha runs the Mocha example with the README's command and it passes", () => {
    const r = runSection('mocha', 'Mocha');
    assert.equal(r.status, 0, `${r.stdout}${r.stderr}`);
    assert.match(r.stdout, /\d+ passing/);
  });

  it("node --test runs the node:test example with the README's command and it passes", () => {
    const r = runSection('node-test', 'node:test');
    assert.equal(r.status, 0, `${r.stdout}${r.stderr}`);
    assert.match(r.stdout, /# fail 0/);
  });
});

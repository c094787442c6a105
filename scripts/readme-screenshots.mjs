#!/usr/bin/env node
// Refreshes the README's screenshots from the UI end-to-end test, which drives the packaged extension in
// a real VS Code and saves a picture of each step under test-results/. Needs compiled tests
// ("npm run compile"); packages the VSIX itself.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './lib/vscode-host.mjs';

const SHOTS = {
  'ui-2-lightbulb.png': 'quick-fix.png',
  'ui-6-panel.png': 'panel.png',
};

const test = join(REPO_ROOT, 'out', 'test', 'e2e', 'ui.test.js');
if (!existsSync(test)) {
  console.error('readme-screenshots: compile the tests first ("npm run compile").');
  process.exit(1);
}
const mocha = join(REPO_ROOT, 'node_modules', 'mocha', 'bin', 'mocha.js');
const run = spawnSync(process.execPath, [mocha, test], { cwd: REPO_ROOT, stdio: 'inherit' });
if (run.status !== 0) {
  console.error('readme-screenshots: the UI test failed; screenshots left as they were.');
  process.exit(1);
}
const images = join(REPO_ROOT, 'docs', 'images');
mkdirSync(images, { recursive: true });
for (const [from, to] of Object.entries(SHOTS)) {
  copyFileSync(join(REPO_ROOT, 'test-results', from), join(images, to));
  console.log(`readme-screenshots: docs/images/${to}`);
}

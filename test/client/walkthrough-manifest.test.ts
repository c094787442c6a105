/** The Get Started walkthrough in package.json: every button runs a command that exists, every media file ships. */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMAND_IDS } from '../../src/client/command-ids';
import { COMPLETION_EXAMPLE, QUICK_FIX_EXAMPLE } from '../../src/client/walkthrough-examples';

interface Step { id: string; title: string; description: string; media: { markdown?: string; image?: string }; completionEvents?: string[] }
interface Manifest {
  contributes: {
    walkthroughs: { id: string; title: string; steps: Step[] }[];
    menus: { commandPalette: { command: string; when?: string }[] };
  };
}

const ROOT = join(__dirname, '..', '..', '..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Manifest;
/** Commands of VS Code itself that a step may run. */
const BUILT_IN = new Set(['workbench.action.openSettingsJson']);

describe('client: the Get Started walkthrough', () => {
  const [walkthrough] = manifest.contributes.walkthroughs;

  it('has the five first steps, each with a button that runs a registered command', () => {
    assert.deepEqual(walkthrough?.steps.map(s => s.id), ['completion', 'quickFix', 'link', 'panel', 'environment']);
    for (const step of walkthrough!.steps) {
      const commands = [...step.description.matchAll(/\]\(command:([\w.]+)/g)].map(m => m[1]!);
      assert.ok(commands.length > 0, `${step.id} has no button`);
      for (const command of commands) {
        assert.ok((COMMAND_IDS as readonly string[]).includes(command) || BUILT_IN.has(command), `${step.id} runs ${command}, which nothing registers`);
      }
    }
  });

  it('marks a step done by the command it runs, and ships its media', () => {
    for (const step of walkthrough!.steps) {
      assert.ok(step.completionEvents && step.completionEvents.length > 0, `${step.id} has no completion event`);
      const file = step.media.markdown ?? step.media.image;
      assert.ok(file && existsSync(join(ROOT, file)), `${step.id}'s media ${file} is missing`);
    }
  });

  it('keeps the walkthrough-only commands out of the palette', () => {
    const hidden = manifest.contributes.menus.commandPalette.filter(m => m.when === 'false').map(m => m.command);
    for (const id of ['omnichannel.walkthrough.tryCompletion', 'omnichannel.walkthrough.tryQuickFix', 'omnichannel.openPanel']) assert.ok(hidden.includes(id), id);
  });

  it('opens examples with the cursor where the feature shows', () => {
    assert.match(COMPLETION_EXAMPLE, /linkToConversation\("incident", "\|"\)/);
    assert.match(QUICK_FIX_EXAMPLE, /Microsoft\.Omnichannel\.\|linkToConversation\("contact", contactId\)\n\s+\.catch/);
  });
});

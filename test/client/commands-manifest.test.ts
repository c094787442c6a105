import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMAND_IDS, INTERNAL_COMMANDS } from '../../src/client/command-ids';
import { RunCallCommand } from '@omnichannel-tools/language-server';

interface Manifest { contributes: { commands: { command: string; title: string; category?: string }[] } }

describe('client: commands agree with package.json', () => {
  const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as Manifest;
  const contributed = manifest.contributes.commands.map(c => c.command).sort();

  it('registers exactly the contributed commands plus the internal ones', () => {
    const registered = COMMAND_IDS.filter(id => !INTERNAL_COMMANDS.includes(id)).sort();
    assert.deepEqual(registered, contributed);
  });

  it('registers the command the server puts on its code lenses', () => {
    assert.ok((COMMAND_IDS as readonly string[]).includes(RunCallCommand));
  });

  it('gives every contributed command the Omnichannel category', () => {
    const uncategorised = manifest.contributes.commands.filter(c => c.category !== 'Omnichannel').map(c => c.command);
    assert.deepEqual(uncategorised, []);
  });
});

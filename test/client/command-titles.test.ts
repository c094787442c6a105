/**
 * Messages tell people which command to run by its palette title ("Omnichannel: Sign In to Environment"):
 * every such title in the source must be one package.json contributes, or the advice leads nowhere.
 */
import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

interface Manifest { contributes: { commands: { command: string; title: string; category?: string }[] } }

const ROOT = join(__dirname, '..', '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** A quoted "Omnichannel: Title" (straight or curly quotes); a title starts with a capital letter. */
const MENTION = /["“'](Omnichannel: [A-Z][^"”'`\n]*)["”']/g;

describe('client: command titles named in messages', () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Manifest;
  const titles = new Set(manifest.contributes.commands.map(c => `${c.category ?? ''}: ${c.title}`));
  const mentions = sourceFiles(join(ROOT, 'src')).flatMap(file => {
    const text = readFileSync(file, 'utf8');
    return [...text.matchAll(MENTION)].map(match => ({ file: file.slice(ROOT.length + 1), title: match[1] }));
  });

  it('finds the mentions it checks', () => {
    assert.ok(mentions.some(m => m.title === 'Omnichannel: Sign In to Environment'), 'no mention of the Sign In command was found: is the pattern still right?');
  });

  it('names only commands that exist, by their exact title', () => {
    const unknown = mentions.filter(m => !titles.has(m.title)).map(m => `${m.file}: "${m.title}"`);
    assert.deepEqual(unknown, [], `not a command title in package.json (titles: ${[...titles].join(', ')})`);
  });
});

/**
 * Files in the encodings editors save: UTF-16 (LE or BE, told by the BOM) is decoded, a UTF-8 BOM does not
 * shift columns, a file with NUL bytes is refused rather than linted as garbage, settings.json may have a BOM.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { BAD, WARNS, useTempDir } from './support';

const BOM8 = Buffer.from([0xef, 0xbb, 0xbf]);
const utf16le = (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);
const utf16be = (s: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(s, 'utf16le').swap16()]);

describe('cli: encodings', () => {
  const t = useTempDir();

  it('lints UTF-16 LE and BE files, told by their BOM, at the lines and columns an editor shows', () => {
    t.write('le.js', utf16le(BAD));
    t.write('be.js', utf16be(BAD));
    const r = t.cli('le.js', 'be.js');
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /^be\.js:2:44 error invalid-entity-name Use "incident": "case" is not a table/m);
    assert.match(r.stdout, /^le\.js:2:44 error invalid-entity-name Use "incident": "case" is not a table/m);
    assert.match(r.stdout, /2 problems \(2 errors/);
  });

  it('does not count a UTF-8 BOM as a column of the first line', () => {
    t.write('plain.js', WARNS);
    t.write('bom.js', Buffer.concat([BOM8, Buffer.from(WARNS)]));
    const lines = t.cli('plain.js', 'bom.js').stdout.split('\n');
    const plain = lines.find(l => l.startsWith('plain.js:'))!;
    const bom = lines.find(l => l.startsWith('bom.js:'))!;
    assert.match(plain, /^plain\.js:1:23 warning missing-ui-refresh/);
    assert.equal(bom.replace(/^bom\.js/, 'plain.js'), plain);
  });

  it('counts columns in UTF-16 code units, as editors and SARIF do, after characters outside the BMP', () => {
    t.write('emoji.js', `/* 🙂 */ ${WARNS}`);
    assert.match(t.cli('emoji.js').stdout, /^emoji\.js:1:32 warning/m); // 🙂 is two code units
  });

  it('refuses a file with NUL bytes (binary, or UTF-16 without a BOM) and says how to save it', () => {
    t.write('nobom16.js', Buffer.from(BAD, 'utf16le'));
    t.write('ok.js', BAD);
    const r = t.cli('nobom16.js', 'ok.js');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /nobom16\.js: cannot read: it holds a NUL byte \(at byte 1\): a binary file, or UTF-16 without a byte-order mark\. Save it as UTF-8 \(or UTF-16 with a BOM\)/);
    assert.match(r.stdout, /^ok\.js:2:44 error/m);
  });

  it('accepts a BOM in .vscode/settings.json, as VS Code does', () => {
    t.write('a.js', BAD);
    t.write('.vscode/settings.json', Buffer.concat([BOM8, Buffer.from('{ "omnichannel.rules": { "invalid-entity-name": "warning" } }\n')]));
    const r = t.cli('a.js');
    assert.equal(r.stderr, '');
    assert.equal(r.code, 0);
    assert.match(r.stdout, /warning invalid-entity-name/);
  });

  it('names the line and column of a settings.json syntax error after a BOM as the editor shows them', () => {
    t.write('a.js', BAD);
    t.write('.vscode/settings.json', Buffer.concat([BOM8, Buffer.from('{ "omnichannel.rules": nope }')]));
    assert.match(t.cli('a.js').stderr, /not valid JSON \(InvalidSymbol at line 1, column 24\)/);
  });

  it('fails the run when .vscode/settings.json exists but cannot be read, naming it', () => {
    t.write('a.js', BAD);
    mkdirSync(path.join(t.dir(), '.vscode', 'settings.json'), { recursive: true }); // a folder: unreadable as a file, for root too
    const r = t.cli('--rule', 'invalid-entity-name=warning', 'a.js');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /\.vscode[\\/]settings\.json: cannot read it: it is a folder where a file was expected; linting with the default settings\. Make it a readable file, or remove it\./);
    assert.match(r.stdout, /warning invalid-entity-name/, '--rule still applies');
    assert.equal(t.cli('--no-error-on-unreadable', '--rule', 'invalid-entity-name=warning', 'a.js').code, 0);
  });
});

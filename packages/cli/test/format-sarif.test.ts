/**
 * `--format sarif`: valid SARIF 2.1.0 (checked against the official schema), rule metadata from the core's
 * rule table, locations relative to %SRCROOT%, fingerprints that survive moved lines, fixes, and
 * unreadable input as tool execution notifications.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { RULES } from '../src/core';
import { BAD, WARNS, parseJson, useTempDir } from './support';

// The SARIF 2.1.0 schema as published with the standard (draft-04); the npm package ships it for its matchers.
const schema = parseJson<object>(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
// The schema's language-tag pattern is not valid as a Unicode regular expression: read patterns as plain ones.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(schema);

// A SARIF log is walked by path in the assertions.
type Json = any;

function assertValid(log: unknown): void {
  assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
}

describe('cli: --format sarif', () => {
  const t = useTempDir();
  const sarif = (...args: string[]): Json => parseJson(t.cli('--format', 'sarif', ...args).stdout);
  const fingerprints = (log: Json, ruleId: string): string[] =>
    log.runs[0].results.filter((r: Json) => r.ruleId === ruleId).map((r: Json) => r.partialFingerprints['omnichannelLineHash/v1']);

  it('is valid SARIF 2.1.0 by the official schema, with results, fixes and notifications', () => {
    t.write('src/a.js', BAD);
    t.write('src/w.js', WARNS);
    const log = sarif('src', '/dev/null');
    assertValid(log);
    const run = log.runs[0];
    assert.ok(run.results.length >= 2);
    assert.ok(run.results.some((r: Json) => r.fixes), 'some result carries a fix');
    assert.equal(run.invocations[0].toolExecutionNotifications.length, 1);
  });

  it('fails validation when a log is broken, so the check above means something', () => {
    t.write('a.js', BAD);
    const log = sarif('a.js');
    log.runs[0].results[0].level = 'fatal';
    assert.equal(validate(log), false);
  });

  it('describes every rule from the core rule table: descriptions, help, documentation link, default level', () => {
    const log = sarif('/dev/null');
    const driver = log.runs[0].tool.driver;
    const manifest = parseJson<{ version: string }>(readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));
    assert.equal(driver.name, 'omnichannel-lint');
    assert.equal(driver.version, manifest.version);
    assert.match(driver.informationUri, /^https:\/\/github\.com\//);
    const readme = readFileSync(path.join(__dirname, '..', '..', '..', '..', 'README.md'), 'utf8');
    const anchors = new Set([...readme.matchAll(/<a id="([^"]+)"><\/a>/g)].map(m => m[1]));
    assert.deepEqual(driver.rules.map((r: Json) => r.id), RULES.map(r => r.id));
    RULES.forEach((rule, i) => {
      const d = driver.rules[i];
      assert.equal(d.fullDescription.markdown, rule.meta.description);
      assert.equal(d.fullDescription.text, rule.meta.description.replace(/`/g, ''));
      // The short description is the full one's first clause: shorter, and made only of its words.
      assert.ok(d.shortDescription.text.length <= d.fullDescription.text.length, d.shortDescription.text);
      for (const word of d.shortDescription.text.split(/[\s,.;]+/).filter(Boolean)) assert.ok(d.fullDescription.text.includes(word), word);
      assert.equal(d.helpUri, `${driver.informationUri}#rule-${rule.meta.docs}`);
      assert.ok(anchors.has(`rule-${rule.meta.docs}`), `README has an anchor rule-${rule.meta.docs}`);
      assert.ok(d.help.markdown.includes(rule.meta.description) && d.help.markdown.includes(d.helpUri));
      assert.ok(d.help.text.includes(d.helpUri));
      const level = { error: 'error', warning: 'warning', info: 'note' } as const;
      const severity = rule.meta.defaultSeverity;
      assert.deepEqual(d.defaultConfiguration, severity === 'off' ? { enabled: false } : { level: level[severity] });
    });
  });

  it('places results relative to %SRCROOT%, the working folder, percent-encoding the path', () => {
    t.write('my src/a b.js', BAD);
    const run = sarif('my src')['runs'][0];
    assert.deepEqual(run.originalUriBaseIds, { '%SRCROOT%': { uri: pathToFileURL(t.dir()).href + '/' } });
    assert.equal(run.columnKind, 'utf16CodeUnits');
    const [result] = run.results;
    assert.equal(result.ruleId, 'invalid-entity-name');
    assert.equal(run.tool.driver.rules[result.ruleIndex].id, result.ruleId);
    assert.equal(result.level, 'error');
    assert.deepEqual(result.locations[0].physicalLocation, {
      artifactLocation: { uri: 'my%20src/a%20b.js', uriBaseId: '%SRCROOT%' },
      region: { startLine: 2, startColumn: 44, endLine: 2, endColumn: 50 },
    });
  });

  it('gives the preferred fix as a replacement of the region with the new text', () => {
    t.write('a.js', BAD);
    const [result] = sarif('a.js').runs[0].results;
    assert.deepEqual(result.fixes[0].artifactChanges[0].replacements, [
      { deletedRegion: { startLine: 2, startColumn: 45, endLine: 2, endColumn: 49 }, insertedContent: { text: 'incident' } },
    ]);
    assert.deepEqual(result.fixes[0].artifactChanges[0].artifactLocation, { uri: 'a.js', uriBaseId: '%SRCROOT%' });
  });

  it('keeps a result\'s fingerprint when unrelated lines above it are added or removed', () => {
    const header = '// a header\n// of three\n// lines\n';
    t.write('a.js', header + BAD);
    const before = sarif('a.js');
    t.write('a.js', BAD); // lines removed above
    const removed = sarif('a.js');
    t.write('a.js', header + 'const unrelated = 1;\n\n' + BAD); // lines added above
    const added = sarif('a.js');
    const lines = (log: Json) => log.runs[0].results[0].locations[0].physicalLocation.region.startLine;
    assert.deepEqual([lines(before), lines(removed), lines(added)], [5, 2, 7]);
    assert.equal(fingerprints(before, 'invalid-entity-name').length, 1);
    assert.deepEqual(fingerprints(removed, 'invalid-entity-name'), fingerprints(before, 'invalid-entity-name'));
    assert.deepEqual(fingerprints(added, 'invalid-entity-name'), fingerprints(before, 'invalid-entity-name'));

    t.write('a.js', header + BAD.replace('"case"', '"Case"')); // the line itself changed: a new finding
    assert.notDeepEqual(fingerprints(sarif('a.js'), 'invalid-entity-name'), fingerprints(before, 'invalid-entity-name'));
  });

  it('tells identical lines apart by their order, and keeps that apart when lines move', () => {
    const same = 'Microsoft.Omnichannel.linkToConversation("case", "5a2a6a28-9f8e-4c38-9a4f-1a0b3c2d4e5f").then(() => Microsoft.Apm.refreshTab("t"), e => e);\n';
    t.write('a.js', same + same);
    const first = fingerprints(sarif('a.js'), 'invalid-entity-name');
    assert.equal(first.length, 2);
    assert.notEqual(first[0], first[1]);
    t.write('a.js', '\n\n' + same + '// between\n' + same);
    assert.deepEqual(fingerprints(sarif('a.js'), 'invalid-entity-name'), first);
  });

  it('reports input it could not read as tool execution notifications, and the execution as unsuccessful', () => {
    t.write('a.js', BAD);
    const log = sarif('a.js', '/dev/null');
    assertValid(log);
    const invocation = log.runs[0].invocations[0];
    assert.equal(invocation.executionSuccessful, false);
    const [note] = invocation.toolExecutionNotifications;
    assert.equal(note.level, 'error');
    assert.match(note.message.text, /\/dev\/null: refused: it is a character device/);
    assert.equal(note.locations[0].physicalLocation.artifactLocation.uri, 'file:///dev/null');
    assert.equal(log.runs[0].results.length, 1, 'a.js is still linted');
    assert.equal(sarif('a.js').runs[0].invocations[0].executionSuccessful, true);
  });
});

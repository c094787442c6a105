import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { addMappingText, findMapping, isTypeScript, loadWebResourceMappings } from '../../src/webresources/mapping';

const FILE = '.omnichannel/webresources.json';

describe('.omnichannel/webresources.json', () => {
  it('reads entries, applies the default solution, keeps an entry solution, and normalises paths', () => {
    const { mappings, errors } = loadWebResourceMappings(`{
      // comments are fine
      "solution": "ContosoCustomizations",
      "webResources": [
        { "file": "./webresources\\\\case-form.js", "name": "new_/scripts/case-form.js" },
        { "file": "out/panel.js", "name": "new_/scripts/panel.js", "solution": "Other", "source": "src/panel.ts" },
      ]
    }`, FILE);
    assert.deepEqual(errors, []);
    assert.deepEqual(mappings, [
      { file: 'webresources/case-form.js', name: 'new_/scripts/case-form.js', solution: 'ContosoCustomizations' },
      { file: 'out/panel.js', name: 'new_/scripts/panel.js', solution: 'Other', source: 'src/panel.ts' },
    ]);
  });

  it('reports each problem with file, line, column and field, and keeps the good entries', () => {
    const text = [
      '{',
      '  "webResources": [',
      '    { "file": "a.js", "name": "case-form.js" },',
      '    { "file": "/abs/b.js", "name": "new_/b.js" },',
      '    { "file": "c.js", "name": "new_/c.js", "solution": "Contoso Customizations" },',
      '    { "file": "d.js", "name": "new_/d.js", "colour": "red" },',
      '    { "file": "e.js", "name": "new_/e.js" },',
      '    { "file": "E.js", "name": "new_/e2.js" },',
      '    { "file": "f.js", "name": "NEW_/E.JS" }',
      '  ]',
      '}',
    ].join('\n');
    const { mappings, errors } = loadWebResourceMappings(text, FILE);
    assert.deepEqual(mappings.map(m => m.file), ['e.js']);
    const texts = errors.map(e => e.text);
    assert.equal(texts.length, 6, texts.join('\n'));
    assert.match(texts[0], /^\.omnichannel\/webresources\.json:3:31: webResources\[0\]\.name must be the web resource's unique name: the publisher prefix/);
    assert.match(texts[1], /^\.omnichannel\/webresources\.json:4:15: webResources\[1\]\.file must be a path relative to the workspace folder/);
    assert.match(texts[2], /:5:.*webResources\[2\]\.solution must be a solution's unique name/);
    assert.match(texts[3], /:6:.*colour/);
    assert.match(texts[4], /:8:.*webResources\[5\]\.file E\.js is already mapped by entry 4/);
    assert.match(texts[5], /:9:.*webResources\[6\]\.name NEW_\/E\.JS is already mapped by entry 4: web resource names are unique \(ignoring case\)/);
  });

  it('says where a syntax error is', () => {
    const { mappings, errors } = loadWebResourceMappings('{ "webResources": [ { "file": "a.js" "name": "new_/a.js" } ] }', FILE);
    assert.deepEqual(mappings, []);
    assert.match(errors[0].text, /^\.omnichannel\/webresources\.json:1:38: JSON syntax error: expected "," between values\./);
  });

  it('finds a mapping by its file or by its TypeScript source', () => {
    const mappings = [{ file: 'out/panel.js', name: 'new_/panel.js', source: 'src/panel.ts' }];
    assert.equal(findMapping(mappings, 'out\\panel.js')?.fromSource, false);
    assert.equal(findMapping(mappings, './src/panel.ts')?.fromSource, true);
    assert.equal(findMapping(mappings, 'src/other.ts'), undefined);
    assert.ok(isTypeScript('a/b.ts') && isTypeScript('b.tsx') && !isTypeScript('b.d.ts') && !isTypeScript('b.js'));
  });

  it('adds an entry in place, keeping comments and the rest of the file', () => {
    const before = [
      '{',
      '  // shared with the team',
      '  "solution": "ContosoCustomizations",',
      '  "webResources": [',
      '    { "file": "a.js", "name": "new_/a.js" } // the first',
      '  ]',
      '}',
      '',
    ].join('\n');
    const after = addMappingText(before, { file: 'webresources/case-form.js', name: 'new_/scripts/case-form.js' });
    assert.ok(after.includes('// shared with the team') && after.includes('// the first'), after);
    const { mappings, errors } = loadWebResourceMappings(after, FILE);
    assert.deepEqual(errors, []);
    assert.deepEqual(mappings.map(m => m.name), ['new_/a.js', 'new_/scripts/case-form.js']);
    // A file without the list gets one; no file at all becomes a new one.
    const added = loadWebResourceMappings(addMappingText('{ /* empty */ }', { file: 'a.js', name: 'new_/a.js' }), FILE);
    assert.deepEqual([added.errors, added.mappings.length], [[], 1]);
    const fresh = loadWebResourceMappings(addMappingText(undefined, { file: 'a.js', name: 'new_/a.js', solution: 'S' }), FILE);
    assert.deepEqual([fresh.errors, fresh.mappings], [[], [{ file: 'a.js', name: 'new_/a.js', solution: 'S' }]]);
  });

  it('the sample mapping file is valid and maps the sample scripts', () => {
    const text = readFileSync(join(__dirname, '../../../samples/.omnichannel/webresources.json'), 'utf8');
    const { mappings, errors } = loadWebResourceMappings(text, FILE);
    assert.deepEqual(errors, []);
    assert.ok(findMapping(mappings, 'webresources/case-form.js'));
    assert.ok(findMapping(mappings, 'webresources/conversation-panel.ts')?.fromSource);
  });
});

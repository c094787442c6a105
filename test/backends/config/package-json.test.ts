import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../../../..');
const read = (file: string) => JSON.parse(readFileSync(path.join(root, file), 'utf8')) as Record<string, any>;

describe('package.json agrees with the schemas', () => {
  it('the omnichannel.environments items equal the schema\'s environment definition', () => {
    const items = read('package.json').contributes.configuration.properties['omnichannel.environments'].items;
    const definition = read('schemas/environments.schema.json').definitions.environment;
    assert.deepEqual(items, definition);
  });

  it('the environment definition is self-contained (VS Code cannot resolve a $ref from settings)', () => {
    const definition = read('schemas/environments.schema.json').definitions.environment;
    assert.equal(JSON.stringify(definition).includes('"$ref"'), false);
  });

  it('jsonValidation points at both schema files, which exist', () => {
    const urls = (read('package.json').contributes.jsonValidation as { url: string }[]).map(v => v.url);
    for (const url of ['./packages/testing/schemas/simulator.schema.json', './schemas/environments.schema.json']) {
      assert.ok(urls.includes(url), `${url} is not in contributes.jsonValidation`);
      assert.equal(read(url).$schema, 'http://json-schema.org/draft-07/schema#');
    }
  });
});

import * as assert from 'node:assert/strict';
import { readTrustedHosts } from '../../src/client/trusted-hosts';

describe('client: trusted hosts', () => {
  it('reads only the user (global) value', () => {
    const reading = readTrustedHosts({ globalValue: ['MyOrg.example.com', '127.0.0.1:8080'], workspaceValue: ['evil.example.net'] });
    assert.deepEqual(reading.hosts, ['myorg.example.com', '127.0.0.1:8080']);
    assert.ok(reading.warnings.some(w => w.includes('workspace settings is ignored')));
  });

  it('ignores a workspace-folder value too, and yields nothing without a user value', () => {
    const reading = readTrustedHosts({ workspaceFolderValue: ['evil.example.net'] });
    assert.deepEqual(reading.hosts, []);
    assert.equal(reading.warnings.length, 1);
  });

  it('skips entries of the wrong type, naming the index', () => {
    const reading = readTrustedHosts({ globalValue: ['ok.example.com', 42, ''] });
    assert.deepEqual(reading.hosts, ['ok.example.com']);
    assert.deepEqual(reading.warnings.map(w => w.split(' ')[0]), ['omnichannel.trustedHosts[1]', 'omnichannel.trustedHosts[2]']);
  });

  it('reports a non-array user value and works with no setting at all', () => {
    assert.equal(readTrustedHosts({ globalValue: 'x.example.com' }).warnings.length, 1);
    assert.deepEqual(readTrustedHosts(undefined), { hosts: [], warnings: [] });
  });
});

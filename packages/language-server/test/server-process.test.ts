import * as assert from 'node:assert/strict';
import { serverEnv } from '../src/server-process';

describe('server process environment', () => {
  it('limits glibc to two malloc arenas and keeps the rest of the environment', () => {
    const env = serverEnv({ PATH: '/bin', HOME: '/home/someone' });
    assert.equal(env['MALLOC_ARENA_MAX'], '2');
    assert.equal(env['PATH'], '/bin');
    assert.equal(env['HOME'], '/home/someone');
  });

  it('keeps a MALLOC_ARENA_MAX the user has set', () => {
    assert.equal(serverEnv({ MALLOC_ARENA_MAX: '8' })['MALLOC_ARENA_MAX'], '8');
  });
});

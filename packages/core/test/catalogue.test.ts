/** The catalogue's promises about itself: facts rules and messages depend on are present and match the reference pages. */
import * as assert from 'node:assert/strict';
import { ALL_METHODS, findMethod } from '../src/catalogue';

describe('catalogue', () => {
  it('names the usual failure of every method that returns a promise, and only of those', () => {
    for (const method of ALL_METHODS) {
      const name = `${method.namespace}.${method.name}`;
      assert.equal(method.returnsPromise, method.returns.startsWith('Promise<'), `${name}: returnsPromise agrees with ${method.returns}`);
      if (method.returnsPromise) assert.match(method.failure ?? '', /^for example when /, `${name} names its usual failure`);
      else assert.equal(method.failure, undefined, `${name} returns no promise, so it has no rejection to describe`);
    }
  });

  it('says what the Microsoft.Apm reference pages say, and where real code disagrees', () => {
    assert.equal(findMethod('Microsoft.Apm', 'refreshTab')?.returns, 'void');
    assert.equal(findMethod('Microsoft.Apm', 'closeTab')?.returns, 'void');
    for (const name of ['createSession', 'createTab']) {
      const method = findMethod('Microsoft.Apm', name)!;
      assert.equal(method.returns, 'string', `${name} returns the id as a string`);
      assert.match(method.doc, /Real customizations `await` it/);
    }
  });
});

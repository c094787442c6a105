/**
 * How the core's fixes become ESLint's: one preferred edit replacing text is the autofix, everything else a
 * suggestion, and a kind of fix a rule has not declared is left out (ESLint would throw on it).
 */
import * as assert from 'node:assert/strict';
import type { Fix } from '@omnichannel-tools/core';
import { planFixes, type Capabilities } from '../src/fixes';

const both: Capabilities = { autofix: true, suggestions: true };
const rename: Fix = { title: 'Change to incident', isPreferred: true, edits: [{ start: 10, end: 14, newText: 'incident' }] };
const insert: Fix = { title: 'Add .catch', isPreferred: true, edits: [{ start: 20, end: 20, newText: '.catch(e => e)' }] };
const twoEdits: Fix = { title: 'Wrap it', isPreferred: true, edits: [{ start: 0, end: 0, newText: 'try { ' }, { start: 20, end: 20, newText: ' } catch {}' }] };
const other: Fix = { title: 'Change to account', edits: [{ start: 10, end: 14, newText: 'account' }] };

describe('autofix or suggestion', () => {
  it('a preferred fix of one edit replacing text is the autofix, and the other fixes are suggestions', () => {
    assert.deepEqual(planFixes([rename, other], both), { autofix: rename.edits[0], suggestions: [other] });
  });

  it('a preferred insertion is only a suggestion, even for a rule with autofixes', () => {
    assert.deepEqual(planFixes([insert], both), { suggestions: [insert] });
  });

  it('a preferred fix of several edits is only a suggestion', () => {
    assert.deepEqual(planFixes([twoEdits], both), { suggestions: [twoEdits] });
  });

  it('with no preferred fix, every fix is a suggestion', () => {
    assert.deepEqual(planFixes([other], both), { suggestions: [other] });
  });

  it('a rule without autofixes suggests even a one-edit replacement', () => {
    assert.deepEqual(planFixes([rename], { autofix: false, suggestions: true }), { suggestions: [rename] });
  });

  it('a rule that declares neither gets neither, rather than a fix ESLint would reject', () => {
    assert.deepEqual(planFixes([rename, insert], { autofix: false, suggestions: false }), { suggestions: [] });
    assert.deepEqual(planFixes([rename, insert], { autofix: true, suggestions: false }), { autofix: rename.edits[0], suggestions: [] });
  });
});

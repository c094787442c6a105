/**
 * "Fix all": the preferred fix of each finding, as one list of edits that do not collide. Fixes are taken
 * in finding order, a fix colliding with one already taken is left for the next run. Collisions are found
 * by one sweep over the edits sorted by position, so a file with tens of thousands of findings stays fast.
 */
import type { OmnichannelDocument } from './document';
import type { Finding, TextEdit } from './types';

interface Owned {
  readonly edit: TextEdit;
  /** Index of the fix (in finding order) the edit belongs to. */
  readonly owner: number;
  /** Position within its fix: edits at one offset keep their order. */
  readonly index: number;
}

/** Insertions at the same offset keep finding order (and their order within a fix). */
export function fixAllEdits(doc: OmnichannelDocument, findings: readonly Finding[]): TextEdit[] {
  const edits: Owned[] = [];
  let owner = 0;
  for (const finding of findings) {
    const fix = finding.fixes?.().find(f => f.isPreferred);
    if (!fix || fix.edits.length === 0) continue;
    if (fix.edits.some(edit => edit.start < 0 || edit.end > doc.text.length || edit.end < edit.start)) continue;
    fix.edits.forEach((edit, index) => edits.push({ edit, owner, index }));
    owner++;
  }
  const earlier = collisions(edits, owner);
  // Greedy in finding order: a fix is taken unless it collides with a fix taken before it.
  const taken: boolean[] = [];
  for (let i = 0; i < owner; i++) taken.push(!earlier[i]!.some(j => taken[j]));
  return edits
    .filter(e => taken[e.owner])
    .sort((a, b) => a.edit.start - b.edit.start || a.owner - b.owner || a.index - b.index)
    .map(e => e.edit);
}

/**
 * For each fix, the earlier fixes it collides with. Two replacements collide when their ranges overlap; an
 * insertion collides with a replacement whose range holds it, ends included (it would land inside or next
 * to text that is going away); two insertions never collide. Edits of one fix are not compared.
 */
function collisions(edits: readonly Owned[], owners: number): number[][] {
  const earlier: number[][] = Array.from({ length: owners }, () => []);
  const note = (a: Owned, b: Owned): void => {
    if (a.owner < b.owner) earlier[b.owner]!.push(a.owner);
    else if (b.owner < a.owner) earlier[a.owner]!.push(b.owner);
  };
  // By start; at one offset replacements come first, so an insertion there meets them in `open`.
  const sorted = [...edits].sort((a, b) => a.edit.start - b.edit.start || isInsertion(a) - isInsertion(b));
  let open: Owned[] = []; // replacements that may still hold a later edit
  for (const current of sorted) {
    const at = current.edit.start;
    open = open.filter(r => r.edit.end >= at);
    const insertion = isInsertion(current) === 1;
    for (const r of open) {
      if (insertion || r.edit.end > at) note(r, current);
    }
    if (!insertion) open.push(current);
  }
  return earlier;
}

function isInsertion(e: Owned): number {
  return e.edit.start === e.edit.end ? 1 : 0;
}

/**
 * A unified diff of two texts by lines, for `--fix-dry-run`: `--- a/file`/`+++ b/file` headers and
 * `@@ -a,b +c,d @@` hunks with three lines of context, which `git apply` and `patch -p1` accept. A CRLF
 * line keeps its CR, so the diff applies to the file as it is.
 */

const CONTEXT = 3;
const MAX_EDITS = 2000;

type Op = { readonly kind: ' ' | '-' | '+'; readonly line: string };

export function unifiedDiff(file: string, before: string, after: string): string {
  const ops = diffLines(splitLines(before), splitLines(after));
  if (!ops.some(op => op.kind !== ' ')) return '';
  const out = [`--- a/${file}`, `+++ b/${file}`];
  let oldLine = 1;
  let newLine = 1;
  let i = 0;
  while (i < ops.length) {
    if (ops[i]!.kind === ' ') {
      oldLine++;
      newLine++;
      i++;
      continue;
    }
    // A hunk: context before, then changes until a run of unchanged lines longer than twice the context.
    const lead = Math.min(CONTEXT, countBack(ops, i));
    let end = i;
    let quiet = 0;
    for (let j = i; j < ops.length; j++) {
      if (ops[j]!.kind === ' ') {
        if (++quiet > 2 * CONTEXT) break;
      } else {
        quiet = 0;
        end = j;
      }
    }
    const stop = Math.min(ops.length, end + 1 + CONTEXT);
    const hunk = ops.slice(i - lead, stop);
    const oldCount = hunk.filter(op => op.kind !== '+').length;
    const newCount = hunk.filter(op => op.kind !== '-').length;
    out.push(`@@ -${oldLine - lead},${oldCount} +${newLine - lead},${newCount} @@`);
    for (const op of hunk) out.push(op.kind + show(op.line));
    oldLine += oldCount - lead;
    newLine += newCount - lead;
    i = stop;
  }
  return out.join('\n') + '\n';
}

function countBack(ops: readonly Op[], i: number): number {
  let n = 0;
  while (i - n - 1 >= 0 && ops[i - n - 1]!.kind === ' ') n++;
  return n;
}

/** A line as the diff holds it: without its LF (a CR before it stays), or marked as the text's unterminated end. */
function show(line: string): string {
  if (line.endsWith('\n')) return line.slice(0, -1);
  return line + '\n\\ No newline at end of file';
}

/** Lines with their breaks; only LF ends a line here, as it does for diff and patch. */
function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** Myers' O(ND) shortest edit script, after trimming the common head and tail (fixes touch few lines). */
function diffLines(a: readonly string[], b: readonly string[]): Op[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const x = a.slice(head, a.length - tail);
  const y = b.slice(head, b.length - tail);
  const middle = myers(x, y);
  return [
    ...a.slice(0, head).map(line => ({ kind: ' ' as const, line })),
    ...middle,
    ...a.slice(a.length - tail).map(line => ({ kind: ' ' as const, line })),
  ];
}

function myers(a: readonly string[], b: readonly string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  outer: for (let d = 0; d <= max; d++) {
    // Texts this different are shown as all removed then all added, rather than costing quadratic memory.
    if (d > MAX_EDITS) return [...a.map(line => ({ kind: '-' as const, line })), ...b.map(line => ({ kind: '+' as const, line }))];
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let xPos = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let yPos = xPos - k;
      while (xPos < n && yPos < m && a[xPos] === b[yPos]) {
        xPos++;
        yPos++;
      }
      v[offset + k] = xPos;
      if (xPos >= n && yPos >= m) break outer;
    }
  }
  // Walk the trace back from the end to recover the script.
  const ops: Op[] = [];
  let xPos = n;
  let yPos = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const vd = trace[d]!;
    const k = xPos - yPos;
    const prevK = k === -d || (k !== d && vd[offset + k - 1]! < vd[offset + k + 1]!) ? k + 1 : k - 1;
    const prevX = vd[offset + prevK]!;
    const prevY = prevX - prevK;
    while (xPos > prevX && yPos > prevY) {
      ops.push({ kind: ' ', line: a[--xPos]! });
      yPos--;
    }
    if (d > 0) {
      if (xPos === prevX) ops.push({ kind: '+', line: b[--yPos]! });
      else ops.push({ kind: '-', line: a[--xPos]! });
    }
  }
  return ops.reverse();
}

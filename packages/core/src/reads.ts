/**
 * What checking one call read beyond the call itself, for incremental analysis (`incremental.ts`): the
 * functions whose code the rules walked (the call's own, its callers'), the names whose every occurrence
 * in the file was looked up, the names whose declarations were looked up, and the offsets whose line number
 * a message quotes. The rules and the
 * resolver note these as they read; outside a check nothing is recorded and noting costs one comparison.
 */
// A plain require: `import * as` would wrap every `ts.X` in one more getter.
import ts = require('typescript');

const isFunctionLike = ts.isFunctionLike;

export interface ReadLog {
  /** Ranges [pos, end) of the functions (or the whole file) whose code was read. */
  readonly regions: [number, number][];
  /** Names whose occurrences anywhere in the file decided something (the calls of a function). */
  readonly names: Set<string>;
  /** Names whose declaration was looked up. */
  readonly lookups: Set<string>;
  /** The largest offset whose line number went into a message (-1: none). */
  lineUpTo: number;
}

let current: ReadLog | undefined;

/** Runs `fn` with reads noted in a fresh log; returns both. */
export function recording<T>(fn: () => T): { value: T; log: ReadLog } {
  const outer = current;
  const log: ReadLog = { regions: [], names: new Set(), lookups: new Set(), lineUpTo: -1 };
  current = log;
  try {
    return { value: fn(), log };
  } finally {
    current = outer;
  }
}

/** The function holding `node` was read (the whole file when no function holds it). */
export function noteFunctionOf(node: ts.Node): void {
  if (!current) return;
  let n = node;
  while (n.parent && !isFunctionLike(n)) n = n.parent;
  current.regions.push([n.pos, n.end]);
}

/** A node's code was read. */
export function noteNode(node: ts.Node): void {
  current?.regions.push([node.pos, node.end]);
}

/** Every occurrence of `name` in the file was looked up. */
export function noteName(name: string): void {
  current?.names.add(name);
}

/** The declaration of `name` visible somewhere was looked up. */
export function noteLookup(name: string): void {
  current?.lookups.add(name);
}

/** The line number of `offset` went into a message. */
export function noteLine(offset: number): void {
  if (current && offset > current.lineUpTo) current.lineUpTo = offset;
}

const NONE: readonly string[] = [];

/** A set as a list, the empty ones shared: a record is kept per call of the file. */
export function listOf(names: ReadonlySet<string>): readonly string[] {
  return names.size === 0 ? NONE : [...names];
}

export function mentionsAny(names: readonly string[], among: ReadonlySet<string>): boolean {
  if (among.size === 0) return false;
  for (const name of names) if (among.has(name)) return true;
  return false;
}

/** Which of `names` appear (as whole words) in any of the texts. */
export function wordsAmong(texts: readonly string[], names: Iterable<string>): Set<string> {
  const wanted = [...new Set(names)];
  const present = new Set<string>();
  if (wanted.length === 0) return present;
  const pattern = new RegExp(`(?<![\\w$\\\\\\u0080-\\uffff])(?:${wanted.map(n => n.replace(/[$\\]/g, '\\$&')).join('|')})(?![\\w$\\\\\\u0080-\\uffff])`, 'g');
  for (const text of texts) for (const m of text.matchAll(pattern)) present.add(m[0]);
  return present;
}

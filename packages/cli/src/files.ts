/**
 * Expands the command line's files, folders and globs into the source files to lint. Globs are
 * matched here (`*`, `?`, `**`) so the CLI behaves the same whatever shell runs it.
 */
import { readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';

export const SOURCE_EXTENSIONS = ['.js', '.jsx', '.ts', '.tsx', '.mjs', '.cjs'];
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

export interface Expansion {
  readonly files: string[];
  /** Patterns that matched nothing, each with a sentence for the user. */
  readonly problems: string[];
}

export function expandPatterns(patterns: readonly string[], cwd: string): Expansion {
  const files = new Set<string>();
  const problems: string[] = [];
  for (const pattern of patterns) {
    const before = files.size;
    if (/[*?{]/.test(pattern)) {
      for (const f of matchGlob(pattern, cwd)) files.add(f);
      if (files.size === before) problems.push(`No source files match "${pattern}".`);
      continue;
    }
    const full = path.resolve(cwd, pattern);
    let stat;
    try {
      stat = statSync(full);
    } catch {
      problems.push(`"${pattern}" does not exist.`);
      continue;
    }
    if (stat.isDirectory()) {
      for (const f of walk(full)) files.add(f);
      if (files.size === before) problems.push(`No .js, .jsx, .ts, .tsx, .mjs or .cjs files in "${pattern}".`);
    } else {
      files.add(full); // a file named explicitly is linted whatever its extension
    }
  }
  return { files: [...files].sort(), problems };
}

function isSource(file: string): boolean {
  return SOURCE_EXTENSIONS.includes(path.extname(file).toLowerCase()) && !file.endsWith('.d.ts');
}

function walk(dir: string): string[] {
  const out: string[] = [];
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(e.name)) out.push(...walk(full));
    } else if (e.isFile() && isSource(full)) out.push(full);
  }
  return out;
}

/** Files under the glob's fixed leading folders whose relative path matches it. */
function matchGlob(pattern: string, cwd: string): string[] {
  const normalized = pattern.split(path.sep).join('/');
  const parts = normalized.split('/');
  const fixed: string[] = [];
  while (parts.length > 1 && !/[*?{]/.test(parts[0]!)) fixed.push(parts.shift()!);
  const base = path.resolve(cwd, fixed.join('/') || '.');
  const regex = globToRegExp(parts.join('/'));
  return walk(base).filter(f => regex.test(path.relative(base, f).split(path.sep).join('/')));
}

export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/';
      re += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '{') {
      const close = glob.indexOf('}', i);
      if (close < 0) re += '\\{';
      else {
        re += '(?:' + glob.slice(i + 1, close).split(',').map(escape).join('|') + ')';
        i = close;
      }
    } else re += escape(c);
  }
  return new RegExp(`^${re}$`);
}

function escape(s: string): string {
  return s.replace(/[.+^${}()|[\]\\]/g, '\\$&');
}

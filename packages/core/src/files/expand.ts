/**
 * Expands the command line's files, folders and globs into the source files to lint. Globs are matched
 * here (`*`, `?`, `**`, `{a,b}`) so the CLI behaves the same whatever shell runs it. Symbolic links are
 * followed, each real file is listed once, a link back to a folder being walked is reported once and not
 * followed, and whatever cannot be read (or is a FIFO, device or socket) is reported, never skipped in silence.
 */
import { existsSync, lstatSync, readdirSync, readlinkSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import * as path from 'node:path';
import { describeError, specialKind } from './read';

export const SOURCE_EXTENSIONS = ['.js', '.jsx', '.ts', '.tsx', '.mjs', '.cjs'];
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

export interface Unreadable {
  /** Absolute. */
  readonly path: string;
  /** What is wrong, as a clause: "permission denied (EACCES)". */
  readonly reason: string;
}

export interface Loop {
  /** The link (absolute) and the folder it leads back to. */
  readonly link: string;
  readonly target: string;
}

export interface Expansion {
  /** Absolute paths as found (through links), one per real file, sorted. */
  readonly files: string[];
  /** Command-line patterns that name nothing, each a sentence for the user. */
  readonly problems: string[];
  /** Folders and files that could not be read or were refused. */
  readonly unreadable: Unreadable[];
  /** Links that lead back into a folder being walked: reported, not followed. */
  readonly loops: Loop[];
}

export function isSource(file: string): boolean {
  return SOURCE_EXTENSIONS.includes(path.extname(file).toLowerCase()) && !file.endsWith('.d.ts');
}

export function expandPatterns(patterns: readonly string[], cwd: string): Expansion {
  const walker = new Walker();
  const problems: string[] = [];
  for (const pattern of patterns) {
    if (/[*?{]/.test(pattern)) {
      const { base, regex } = splitGlob(pattern, cwd);
      const found = !existsSync(base) ? 0 : walker.walk(base, file => regex.test(path.relative(base, file).split(path.sep).join('/')));
      if (found === 0 && !walker.reportedUnder(base)) problems.push(`No source files match "${pattern}".`);
      continue;
    }
    const full = path.resolve(cwd, pattern);
    const stat = walker.statFollowing(full, () => true);
    if (!stat) {
      if (!walker.reportedUnder(full)) problems.push(`"${pattern}" does not exist.`);
    } else if (stat.isDirectory()) {
      const found = walker.walk(full, () => true);
      if (found === 0 && !walker.reportedUnder(full)) problems.push(`No .js, .jsx, .ts, .tsx, .mjs or .cjs files in "${pattern}".`);
    } else {
      walker.addFile(full, stat); // a file named explicitly is linted whatever its extension
    }
  }
  return { files: [...walker.files.values()].sort(), problems, unreadable: walker.unreadable, loops: walker.loops };
}

class Walker {
  /** Real path → the path it was first found at. */
  readonly files = new Map<string, string>();
  readonly unreadable: Unreadable[] = [];
  readonly loops: Loop[] = [];
  private readonly reported = new Set<string>();
  /** The real folders walked for the current pattern: one reached again through a link is not walked twice. */
  private walked = new Set<string>();
  private found = 0;

  /** Walks a folder for one pattern; returns how many files matched (counting those listed already). */
  walk(dir: string, wanted: (file: string) => boolean): number {
    this.walked = new Set();
    this.found = 0;
    this.walkFolder(dir, wanted, new Set());
    return this.found;
  }

  /** Stats through links; reports (and returns undefined for) a path that cannot be followed. */
  statFollowing(full: string, wanted: (file: string) => boolean): Stats | undefined {
    try {
      return statSync(full);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      let link: string | undefined;
      try {
        if (lstatSync(full).isSymbolicLink()) link = readlinkSync(full);
      } catch {
        // the path itself is missing (or its folder unsearchable): not a link
      }
      if (code === 'ENOENT' && link === undefined) return undefined;
      if (!wanted(full)) return undefined;
      this.report(full, code === 'ENOENT' ? `a symbolic link to ${link}, which does not exist` : describeError(error));
      return undefined;
    }
  }

  /** Lists a file found (or named) at `full`, refusing a FIFO, device or socket. */
  addFile(full: string, stat: Stats): void {
    const kind = specialKind(stat);
    if (kind) {
      this.report(full, `it is ${kind}, not a source file, so it was not opened`);
      return;
    }
    this.list(full);
  }

  private walkFolder(dir: string, wanted: (file: string) => boolean, ancestors: ReadonlySet<string>): void {
    let real: string;
    let entries: Dirent[];
    try {
      real = realpathSync(dir);
      if (this.walked.has(real)) return; // reached again through another link: its files are listed already
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      this.report(dir, describeError(error));
      return;
    }
    this.walked.add(real);
    const inside = new Set(ancestors).add(real);
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) this.walkFolder(full, wanted, inside);
        continue;
      }
      const source = isSource(full) && wanted(full);
      if (entry.isFile()) {
        // A plain file, not a link: its real path is its real folder's plus its name, no system call needed.
        if (source) this.list(full, path.join(real, entry.name));
        continue;
      }
      // A link, or a FIFO, socket or device. A dangling link without an extension may have been a folder of sources.
      const stat = this.statFollowing(full, f => source || (path.extname(f) === '' && wanted(f)));
      if (!stat) continue;
      if (stat.isDirectory()) {
        if (SKIPPED_FOLDERS.has(entry.name)) continue;
        const target = this.realpath(full);
        if (target === undefined) continue;
        if (!inside.has(target)) this.walkFolder(full, wanted, inside);
        else if (!this.loops.some(l => l.link === full)) this.loops.push({ link: full, target }); // once, though several patterns walk it
      } else if (source) this.addFile(full, stat);
    }
  }

  /** Lists a regular file once per real path, at the path it was first found at. */
  private list(full: string, real = this.realpath(full)): void {
    this.found++;
    if (real !== undefined && !this.files.has(real)) this.files.set(real, full);
  }

  private realpath(full: string): string | undefined {
    try {
      return realpathSync(full);
    } catch (error) {
      this.report(full, describeError(error));
      return undefined;
    }
  }

  /** Whether anything at or under `dir` was reported (so "no files" or "does not exist" would mislead). */
  reportedUnder(dir: string): boolean {
    return this.unreadable.some(u => u.path === dir || u.path.startsWith(dir + path.sep));
  }

  private report(full: string, reason: string): void {
    if (this.reported.has(full)) return;
    this.reported.add(full);
    this.unreadable.push({ path: full, reason });
  }
}

/** The glob's fixed leading folders (where to walk) and a matcher for the rest. */
function splitGlob(pattern: string, cwd: string): { base: string; regex: RegExp } {
  const parts = pattern.split(path.sep).join('/').split('/');
  const fixed: string[] = [];
  while (parts.length > 1 && !/[*?{]/.test(parts[0]!)) fixed.push(parts.shift()!);
  return { base: path.resolve(cwd, fixed.join('/') || '.'), regex: globToRegExp(parts.join('/')) };
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

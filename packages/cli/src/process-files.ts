/**
 * Lints (and with --fix, fixes) each expanded file in turn. A file that cannot be read, a fix that
 * cannot be written and a rule that fails are each reported and counted; none stops the other files.
 */
import * as path from 'node:path';
import type { CliOptions } from './args';
import type { AnalyzerSettings } from './core';
import { unifiedDiff } from './diff';
import { fixText, writeFixed } from './fix';
import { lintText } from './lint';
import { describeError, readSource, type SourceText } from './read';
import type { FileReport, UnreadableReport } from './report';

export interface Processed {
  readonly reports: FileReport[];
  readonly unreadable: UnreadableReport[];
  /** Rule crashes and fixes that could not be written: failures of the run itself. */
  readonly failures: number;
  readonly fixedFiles: number;
  /** With --fix-dry-run: the diff of each file that would change. */
  readonly diffs: string[];
}

export function processFiles(
  files: readonly string[],
  cwd: string,
  settings: AnalyzerSettings,
  options: Pick<CliOptions, 'fix' | 'errorOnUnreadable'>,
  say: (line: string) => void,
): Processed {
  const reports: FileReport[] = [];
  const unreadableFiles: UnreadableReport[] = [];
  const diffs: string[] = [];
  let failures = 0;
  let fixedFiles = 0;
  for (const absolute of files) {
    const file = displayPath(absolute, cwd);
    const read = readSource(absolute, settings.maxFileSize);
    if (!read.ok) {
      if (read.tooLarge) reports.push({ file, absolute, problems: [], skipped: read.reason });
      else unreadableFiles.push(unreadable(file, absolute, read.reason, options.errorOnUnreadable));
      continue;
    }
    const onRuleError = (ruleId: string, error: unknown) => {
      failures++;
      say(`${file}: rule ${ruleId} failed (${message(error)}), so its findings for one call are missing. This is a bug in omnichannel-lint: please report it with the file.`);
    };
    try {
      const fix = options.fix === 'off' ? undefined : fixOne(absolute, file, read.source, settings, options.fix, say);
      if (fix?.diff) diffs.push(fix.diff);
      if (fix?.written) fixedFiles++;
      if (fix?.writeFailed) failures++;
      const report = lintText(absolute, file, fix?.text ?? read.source.text, settings, { onRuleError });
      reports.push(fix?.text !== undefined ? { ...report, fixed: true } : report);
    } catch (error) {
      // A failure of the linter itself on one file must not cost the others their lint.
      failures++;
      say(`${file}: internal error, so it was not linted: ${message(error)}. This is a bug in omnichannel-lint: please report it with the file.`);
    }
  }
  return { reports, unreadable: unreadableFiles, failures, fixedFiles, diffs };
}

interface FixResult {
  /** The fixed text, when the file was (or with --fix-dry-run would be) changed. */
  readonly text?: string;
  readonly diff?: string;
  readonly written?: boolean;
  readonly writeFailed?: boolean;
}

/** Fixes one file's text and, unless this is a dry run, writes it; says why when it does not. */
function fixOne(absolute: string, file: string, source: SourceText, settings: AnalyzerSettings, mode: 'write' | 'dry-run', say: (line: string) => void): FixResult {
  const outcome = fixText(absolute, source.text, settings);
  if (outcome.kind === 'unchanged') return {};
  if (outcome.kind === 'refused') {
    say(`${file}: not fixed: ${outcome.reason}.`);
    return {};
  }
  if (!source.roundTrips) {
    say(`${file}: not fixed: it is not valid ${ENCODING_NAME[source.encoding]} text, and writing it back would change bytes no fix touched. Save it as UTF-8 first.`);
    return {};
  }
  if (mode === 'dry-run') return { text: outcome.text, diff: unifiedDiff(file.split(path.sep).join('/'), source.text, outcome.text) };
  try {
    writeFixed(absolute, source, outcome.text);
    return { text: outcome.text, written: true };
  } catch (error) {
    say(`${file}: could not write the fixes: ${describeError(error)}. The file is unchanged.`);
    return { writeFailed: true };
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const ENCODING_NAME: Record<SourceText['encoding'], string> = { utf8: 'UTF-8', 'utf8-bom': 'UTF-8', utf16le: 'UTF-16', utf16be: 'UTF-16' };

/** Relative to the working folder; absolute when it is outside that folder (or is the folder itself). */
export function displayPath(absolute: string, cwd: string): string {
  const relative = path.relative(cwd, absolute);
  return relative === '' || relative === '..' || relative.startsWith('..' + path.sep) || path.isAbsolute(relative) ? absolute : relative;
}

/** A file or folder that could not be read: what is wrong, and what to do about it. */
export function unreadable(file: string, absolute: string, reason: string, errorOnUnreadable: boolean): UnreadableReport {
  const refused = /so it was not opened/.test(reason);
  const what = refused
    ? 'Leave it out of the paths you lint'
    : /\((EACCES|EPERM)\)/.test(reason)
      ? 'Give the user running the linter read access to it'
      : /symbolic link/.test(reason)
        ? 'Fix or remove the link'
        : undefined;
  const escape = errorOnUnreadable ? ' (or pass --no-error-on-unreadable to lint the rest without failing)' : '';
  const advice = what ? ` ${what}${escape}.` : escape ? ` Pass --no-error-on-unreadable to lint the rest without failing.` : '';
  return { file, absolute, message: `${file}: ${refused ? 'refused' : 'cannot read'}: ${reason}.${advice}` };
}

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
      say(`${file}: rule ${ruleId} failed (${error instanceof Error ? error.message : String(error)}), so its findings for one call are missing. This is a bug in omnichannel-lint: please report it with the file.`);
    };
    const source = read.source;
    let text = source.text;
    let fixed = false;
    if (options.fix !== 'off') {
      const outcome = fixText(absolute, source.text, settings);
      if (outcome.kind === 'refused') say(`${file}: not fixed: ${outcome.reason}.`);
      else if (outcome.kind === 'fixed' && !source.roundTrips) {
        say(`${file}: not fixed: it is not valid ${ENCODING_NAME[source.encoding]} text, and writing it back would change bytes no fix touched. Save it as UTF-8 first.`);
      } else if (outcome.kind === 'fixed' && options.fix === 'dry-run') {
        diffs.push(unifiedDiff(file.split(path.sep).join('/'), source.text, outcome.text));
        text = outcome.text;
        fixed = true;
      } else if (outcome.kind === 'fixed') {
        const written = write(absolute, source, outcome.text);
        if (written === true) {
          fixedFiles++;
          text = outcome.text;
          fixed = true;
        } else {
          failures++;
          say(`${file}: could not write the fixes: ${written}. The file is unchanged.`);
        }
      }
    }
    const report = lintText(absolute, file, text, settings, { onRuleError });
    reports.push(fixed ? { ...report, fixed } : report);
  }
  return { reports, unreadable: unreadableFiles, failures, fixedFiles, diffs };
}

const ENCODING_NAME: Record<SourceText['encoding'], string> = { utf8: 'UTF-8', 'utf8-bom': 'UTF-8', utf16le: 'UTF-16', utf16be: 'UTF-16' };

function write(absolute: string, source: SourceText, text: string): true | string {
  try {
    writeFixed(absolute, source, text);
    return true;
  } catch (error) {
    return describeError(error);
  }
}

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

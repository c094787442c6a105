/**
 * `omnichannel-lint`: the analyzer on the command line, for CI. Lints files, folders and globs, reports in
 * text, ESLint JSON, SARIF or GitHub annotations, and exits 1 when errors (or too many warnings) remain,
 * 2 on a usage error, input it could not read, a failure of its own, or when it linted nothing at all.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { USAGE, parseArgs } from './args';
import { resolveSettings, type AnalyzerSettings } from './core';
import { expandPatterns } from './files';
import { formatReport, formatText } from './format';
import { defaultJobs, processFilesInParallel } from './parallel';
import { displayPath, unreadable } from './process-files';
import { product } from './product';
import { describeError } from './read';
import { plural, summarize, type RunReport, type UnreadableReport } from './report';
import { readWorkspaceSettings } from './settings-file';

export type Exit = 0 | 1 | 2;

export function run(argv: readonly string[], cwd: string, out: (s: string) => void, err: (s: string) => void): Exit {
  const say = (line: string) => err(`omnichannel-lint: ${line}\n`);
  const options = parseArgs(argv);
  if ('error' in options) {
    say(options.error);
    return 2;
  }
  if (options.help) {
    out(USAGE + '\n');
    return 0;
  }
  if (options.version) {
    out(`${product().version}\n`);
    return 0;
  }

  const unreadableInput: UnreadableReport[] = [];
  const workspace = readWorkspaceSettings(cwd);
  // The file's settings are checked on their own, so a wrong value there is reported even when --rule is given.
  const { settings: fromFile, problems } = resolveSettings(workspace.raw);
  const settings: AnalyzerSettings = { ...fromFile, rules: { ...fromFile.rules, ...options.rules } };
  const settingsName = workspace.file ? path.relative(cwd, workspace.file) : '';
  for (const p of [...workspace.problems, ...problems]) say(`${settingsName}: ${p}`);
  if (workspace.file && workspace.unreadable) {
    unreadableInput.push({ file: settingsName, absolute: workspace.file, message: `${settingsName}: ${workspace.unreadable}.` });
  }

  const expansion = expandPatterns(options.patterns, cwd);
  for (const p of expansion.problems) say(p);
  for (const loop of expansion.loops) {
    say(`${displayPath(loop.link, cwd)} is a symbolic link back to ${displayPath(loop.target, cwd)}, a folder it is inside of: not followed (a loop).`);
  }
  for (const u of expansion.unreadable) unreadableInput.push(unreadable(displayPath(u.path, cwd), u.path, u.reason, options.errorOnUnreadable));

  const processed = processFilesInParallel(expansion.files, cwd, settings, options, say, options.jobs ?? defaultJobs());
  const allUnreadable = [...unreadableInput, ...processed.unreadable];
  for (const u of allUnreadable) say(u.message);
  const report: RunReport = {
    cwd,
    files: processed.reports,
    unreadable: allUnreadable,
    unreadableIsError: options.errorOnUnreadable,
    summary: summarize(processed.reports),
  };

  // A machine-readable report on stdout must stay parsable: the diffs then go to stderr.
  const diffsTo = options.format === 'text' || options.output !== undefined ? out : err;
  for (const diff of processed.diffs) diffsTo(diff);
  const text = { explain: options.explain };
  const rendered = formatReport(options.format, report, text);
  // Nothing was found to lint because of a wrong path: the message above says so, and a text summary of
  // "0 problems in 0 files" would only distract from it. Machine-readable reports are still written.
  const silentText = expansion.problems.length > 0 && processed.reports.length === 0 && allUnreadable.length === 0;
  let writeFailed = false;
  if (options.output !== undefined) {
    const target = path.resolve(cwd, options.output);
    try {
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, rendered);
    } catch (error) {
      writeFailed = true;
      say(`cannot write the report to ${options.output}: ${describeError(error)}. Check that its folder can be written.`);
    }
    if (!silentText) err(formatText(report, text));
  } else if (!(silentText && options.format === 'text')) out(rendered);
  if (processed.fixedFiles > 0) say(`fixed ${plural(processed.fixedFiles, 'file')}.`);
  if (options.fix === 'dry-run') say(`--fix-dry-run: ${plural(processed.diffs.length, 'file')} would change; nothing was written.`);

  const analysed = processed.reports.filter(r => !r.skipped).length;
  if (analysed === 0 && expansion.problems.length === 0) {
    const skipped = processed.reports.length;
    say(
      skipped > 0
        ? `nothing was linted: ${skipped === 1 ? 'the one file was' : `all ${skipped} files were`} skipped as larger than omnichannel.maxFileSize (${settings.maxFileSize}). Raise it in .vscode/settings.json.`
        : 'nothing was linted: no file could be read.',
    );
    return 2;
  }
  if (expansion.problems.length > 0 || writeFailed || processed.failures > 0) return 2;
  if (allUnreadable.length > 0 && options.errorOnUnreadable) return 2;
  if (report.summary.errors > 0) return 1;
  if (options.maxWarnings !== undefined && report.summary.warnings > options.maxWarnings) {
    say(`${report.summary.warnings} warnings, more than --max-warnings ${options.maxWarnings}.`);
    return 1;
  }
  return 0;
}

if (require.main === module) {
  // A reader that stops early (`| head`) closes the pipe: that is not the linter's failure.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  try {
    process.exitCode = run(process.argv.slice(2), process.cwd(), s => process.stdout.write(s), s => process.stderr.write(s));
  } catch (error) {
    // Exit 1 would read as "errors found": a crash must fail the run as the linter's own failure.
    process.stderr.write(`omnichannel-lint: internal error, please report it: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  }
}

/**
 * `omnichannel-lint`: the analyzer on the command line, for CI. Lints files, folders and globs and
 * exits 1 on errors (or more warnings than `--max-warnings`), 2 on a usage error or unreadable input.
 */
import * as path from 'node:path';
import { resolveSettings } from '@omnichannel-tools/core';
import type { AnalyzerSettings } from '@omnichannel-tools/core';
import { USAGE, parseArgs } from './args';
import { expandPatterns } from './files';
import { formatJson, formatText, summarize, type FileReport } from './format';
import { lintFile } from './lint';
import { readWorkspaceSettings } from './settings-file';

export function run(argv: readonly string[], cwd: string, out: (s: string) => void, err: (s: string) => void): number {
  const options = parseArgs(argv);
  if ('error' in options) {
    err(`omnichannel-lint: ${options.error}\n`);
    return 2;
  }
  if (options.help) {
    out(USAGE + '\n');
    return 0;
  }
  const workspace = readWorkspaceSettings(cwd);
  // The file's settings are checked on their own, so a wrong value there is reported even when --rule is given.
  const { settings: fromFile, problems } = resolveSettings(workspace.raw);
  const settings: AnalyzerSettings = { ...fromFile, rules: { ...fromFile.rules, ...options.rules } };
  const where = workspace.file ? `${path.relative(cwd, workspace.file)}: ` : '';
  for (const p of [...workspace.problems, ...problems]) err(`omnichannel-lint: ${where}${p}\n`);

  const { files, problems: missing } = expandPatterns(options.patterns, cwd);
  for (const p of missing) err(`omnichannel-lint: ${p}\n`);
  if (files.length === 0) {
    err('omnichannel-lint: nothing to lint.\n');
    return 2;
  }

  const reports: FileReport[] = [];
  let unreadable = false;
  for (const file of files) {
    try {
      reports.push(lintFile(file, path.relative(cwd, file) || file, settings));
    } catch (error) {
      unreadable = true;
      err(`omnichannel-lint: cannot lint ${path.relative(cwd, file)}: ${error instanceof Error ? error.message : String(error)}\n`);
    }
  }
  const summary = summarize(reports);
  out(options.format === 'json' ? formatJson(reports, summary) : formatText(reports, summary));
  if (unreadable || missing.length > 0) return 2;
  if (summary.errors > 0) return 1;
  if (options.maxWarnings !== undefined && summary.warnings > options.maxWarnings) {
    err(`omnichannel-lint: ${summary.warnings} warnings, more than --max-warnings ${options.maxWarnings}.\n`);
    return 1;
  }
  return 0;
}

if (require.main === module) {
  process.exitCode = run(process.argv.slice(2), process.cwd(), s => process.stdout.write(s), s => process.stderr.write(s));
}

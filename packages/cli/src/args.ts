/** Parses the CLI's command line into options, or a usage error saying what is wrong. */
import { RULE_IDS, type RuleId, type Severity } from './core';
import { FILES_PER_THREAD } from './parallel';

export const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
export type Format = (typeof FORMATS)[number];

export interface CliOptions {
  readonly format: Format;
  /** Where the report goes instead of standard output. */
  readonly output: string | undefined;
  /** Exit 1 when there are more warnings than this; undefined: warnings never fail the run. */
  readonly maxWarnings: number | undefined;
  readonly rules: Partial<Record<RuleId, Severity>>;
  readonly fix: 'off' | 'write' | 'dry-run';
  /** False with --no-error-on-unreadable: unreadable input is still reported but does not fail the run. */
  readonly errorOnUnreadable: boolean;
  /** Print each rule's explanation under its problem in the text report. */
  readonly explain: boolean;
  readonly patterns: readonly string[];
  /** Threads to lint on (this one included); undefined: one per available core. */
  readonly jobs: number | undefined;
  readonly help: boolean;
  readonly version: boolean;
}

export const USAGE = `Usage: omnichannel-lint [options] <files, folders or globs>...

Lints Microsoft.Omnichannel / Microsoft.Apm calls in .js, .jsx, .ts, .tsx, .mjs and .cjs files
(folders are searched recursively, following symbolic links; node_modules and .git are skipped).
Settings are read from the "omnichannel.*" keys of .vscode/settings.json in the current folder.

Options:
  --format text|json|sarif|github  report format (default: text); json is ESLint's, sarif is 2.1.0,
                                   github prints workflow commands that annotate the pull request
  -o, --output FILE                write the report to FILE; problems and the summary go to stderr
  --fix                            apply every preferred fix and write the files
  --fix-dry-run                    show what --fix would change (a diff per file), write nothing
  --max-warnings N                 fail when there are more than N warnings (default: warnings do not fail)
  --rule id=severity               set a rule's severity: error, warning, info or off (repeatable)
  --no-error-on-unreadable         report unreadable files and folders without failing the run
  --explain                        print why under each problem of the text report (as hover shows it)
  -j, --jobs N                     lint on up to N threads (default: one per core); a run of fewer
                                   than ${2 * FILES_PER_THREAD} files stays on one
  -v, --version                    print the version
  -h, --help                       show this help

Exit codes: 0 no errors, 1 errors (or more warnings than --max-warnings) remain,
2 usage error, a file or folder that could not be read, or nothing linted at all.
Rules: ${RULE_IDS.join(', ')}`;

const SEVERITIES: readonly string[] = ['error', 'warning', 'info', 'off'];
const SWITCHES: readonly string[] = ['--help', '--version', '--fix', '--fix-dry-run', '--no-error-on-unreadable', '--explain'];

export function parseArgs(argv: readonly string[]): CliOptions | { error: string } {
  let format: Format = 'text';
  let output: string | undefined;
  let maxWarnings: number | undefined;
  const rules: Partial<Record<RuleId, Severity>> = {};
  let fix: CliOptions['fix'] = 'off';
  let errorOnUnreadable = true;
  let explain = false;
  const patterns: string[] = [];
  let jobs: number | undefined;
  let help = false;
  let version = false;
  let onlyPatterns = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (onlyPatterns || arg === '-' || !arg.startsWith('-')) {
      patterns.push(arg);
      continue;
    }
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? splitOnce(arg) : [arg, undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    const got = (v: string | undefined) => (v === undefined ? 'nothing' : `"${v}"`);
    if (inline !== undefined && SWITCHES.includes(flag)) return { error: `${flag} takes no value; got "${inline}".` };
    if (flag === '--') onlyPatterns = true;
    else if (flag === '-h' || flag === '--help') help = true;
    else if (flag === '-v' || flag === '--version') version = true;
    else if (flag === '--format' || flag === '-f') {
      const v = value();
      if (!(FORMATS as readonly string[]).includes(v ?? '')) return { error: `--format takes ${FORMATS.map(f => `"${f}"`).join(', ')}; got ${got(v)}.` };
      format = v as Format;
    } else if (flag === '--output' || flag === '-o') {
      const v = value();
      if (v === undefined || v === '' || (inline === undefined && v.startsWith('-'))) return { error: `${flag} takes a file name, e.g. --output omnichannel.sarif; got ${got(v)}.` };
      output = v;
    } else if (flag === '--fix' || flag === '--fix-dry-run') {
      const mode = flag === '--fix' ? 'write' : 'dry-run';
      if (fix !== 'off' && fix !== mode) return { error: '--fix and --fix-dry-run exclude each other: --fix writes the files, --fix-dry-run only shows the changes.' };
      fix = mode;
    } else if (flag === '--no-error-on-unreadable') errorOnUnreadable = false;
    else if (flag === '--explain') explain = true;
    else if (flag === '--max-warnings') {
      const v = value();
      if (v === undefined || !/^\d+$/.test(v)) return { error: `--max-warnings takes a whole number of 0 or more, got ${got(v)}.` };
      maxWarnings = Number(v);
    } else if (flag === '--jobs' || flag === '-j') {
      const v = value();
      if (v === undefined || !/^\d+$/.test(v) || Number(v) < 1) return { error: `${flag} takes a number of threads of 1 or more, e.g. --jobs 4; got ${got(v)}.` };
      jobs = Number(v);
    } else if (flag === '--rule') {
      const parsed = parseRule(value());
      if ('error' in parsed) return parsed;
      rules[parsed.id] = parsed.severity;
    } else return { error: `Unknown option ${flag}. Run with --help for the options.` };
  }
  if (!help && !version && patterns.length === 0) return { error: 'No files given. Pass files, folders or globs to lint, e.g. `omnichannel-lint src`.' };
  if (explain && format !== 'text' && output === undefined) {
    return { error: `--explain explains the text report, and --format ${format} without --output prints none: drop --explain, or add --output FILE to get the text report on stderr.` };
  }
  return { format, output, maxWarnings, rules, fix, errorOnUnreadable, explain, patterns, jobs, help, version };
}

function splitOnce(arg: string): [string, string] {
  const i = arg.indexOf('=');
  return [arg.slice(0, i), arg.slice(i + 1)];
}

function parseRule(v: string | undefined): { id: RuleId; severity: Severity } | { error: string } {
  const m = v === undefined ? null : /^([\w-]+)=(\w+)$/.exec(v.trim());
  if (!m) return { error: `--rule takes id=severity, e.g. --rule missing-ui-refresh=error; got ${v === undefined ? 'nothing' : `"${v}"`}.` };
  const [, id, severity] = m;
  if (!(RULE_IDS as readonly string[]).includes(id!)) return { error: `--rule: "${id}" is not a rule; the rules are ${RULE_IDS.join(', ')}.` };
  if (!SEVERITIES.includes(severity!)) return { error: `--rule ${id}: "${severity}" is not a severity; use error, warning, info or off.` };
  return { id: id as RuleId, severity: severity as Severity };
}

/** Parses the CLI's command line into options, or a usage error saying what is wrong. */
import { RULE_IDS, type RuleId, type Severity } from '@omnichannel-tools/core';

export interface CliOptions {
  readonly format: 'text' | 'json';
  /** Exit 1 when there are more warnings than this; undefined: warnings never fail the run. */
  readonly maxWarnings: number | undefined;
  readonly rules: Partial<Record<RuleId, Severity>>;
  readonly patterns: readonly string[];
  readonly help: boolean;
}

export const USAGE = `Usage: omnichannel-lint [options] <files, folders or globs>...

Lints Microsoft.Omnichannel / Microsoft.Apm calls in .js, .jsx, .ts, .tsx, .mjs and .cjs files
(folders are searched recursively; node_modules is skipped). Settings are read from the
"omnichannel.*" keys of .vscode/settings.json in the current folder, when it exists.

Options:
  --format text|json     output format (default: text)
  --max-warnings N       fail when there are more than N warnings (default: warnings do not fail)
  --rule id=severity     set a rule's severity: error, warning, info or off (repeatable)
  -h, --help             show this help

Exit codes: 0 no errors, 1 errors (or too many warnings), 2 usage error or unreadable input.
Rules: ${RULE_IDS.join(', ')}`;

const SEVERITIES: readonly string[] = ['error', 'warning', 'info', 'off'];

export function parseArgs(argv: readonly string[]): CliOptions | { error: string } {
  let format: CliOptions['format'] = 'text';
  let maxWarnings: number | undefined;
  const rules: Partial<Record<RuleId, Severity>> = {};
  const patterns: string[] = [];
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') && !arg.startsWith('--rule=') ? splitOnce(arg) : [arg, undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    if (flag === '-h' || flag === '--help') help = true;
    else if (flag === '--format') {
      const v = value();
      if (v !== 'text' && v !== 'json') return { error: `--format takes "text" or "json", got ${v === undefined ? 'nothing' : `"${v}"`}.` };
      format = v;
    } else if (flag === '--max-warnings') {
      const v = value();
      if (v === undefined || !/^\d+$/.test(v)) return { error: `--max-warnings takes a whole number of 0 or more, got ${v === undefined ? 'nothing' : `"${v}"`}.` };
      maxWarnings = Number(v);
    } else if (flag === '--rule' || flag.startsWith('--rule=')) {
      const v = flag.startsWith('--rule=') ? flag.slice('--rule='.length) : value();
      const parsed = parseRule(v);
      if ('error' in parsed) return parsed;
      rules[parsed.id] = parsed.severity;
    } else if (flag.startsWith('-') && flag !== '-') {
      return { error: `Unknown option ${flag}. Run with --help for the options.` };
    } else patterns.push(arg);
  }
  if (!help && patterns.length === 0) return { error: 'No files given. Pass files, folders or globs to lint, e.g. `omnichannel-lint src`.' };
  return { format, maxWarnings, rules, patterns, help };
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

/**
 * `--format sarif`: a SARIF 2.1.0 log that GitHub code scanning and Azure DevOps read. Rule descriptions,
 * help links and default levels come from the core's rule table; locations are relative to %SRCROOT% (the
 * working folder); each result has a fingerprint that survives lines added or removed above it.
 */
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULES, type ReportedSeverity, type RuleMeta, type Severity } from './core';
import { product, ruleHelpUri, TOOL_NAME } from './product';
import type { FileReport, PlacedEdit, Problem, RunReport } from './report';

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SRCROOT = '%SRCROOT%';
/** Versioned, so a change to how it is computed can take a new name instead of moving every alert. */
export const FINGERPRINT = 'omnichannelLineHash/v1';

const LEVEL: Record<ReportedSeverity, string> = { error: 'error', warning: 'warning', info: 'note' };

type Json = Record<string, unknown>;

export function formatSarif(report: RunReport): string {
  const { version, informationUri } = product();
  const ruleIndex = new Map<string, number>(RULES.map((rule, i) => [rule.id, i]));
  const results: Json[] = [];
  for (const file of report.files) results.push(...fileResults(file, report.cwd, ruleIndex));
  const notifications: Json[] = [];
  for (const file of report.files) {
    if (file.skipped) notifications.push(notification('warning', `${file.file}: not analysed: ${file.skipped}`, file.absolute, report.cwd));
  }
  for (const u of report.unreadable) notifications.push(notification(report.unreadableIsError ? 'error' : 'warning', u.message, u.absolute, report.cwd));
  const log = {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: TOOL_NAME, version, semanticVersion: version, informationUri, rules: RULES.map(r => ruleDescriptor(r.id, r.meta)) } },
        originalUriBaseIds: { [SRCROOT]: { uri: folderUri(report.cwd) } },
        columnKind: 'utf16CodeUnits',
        invocations: [{ executionSuccessful: report.unreadable.length === 0, toolExecutionNotifications: notifications }],
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function ruleDescriptor(id: string, meta: RuleMeta): Json {
  const helpUri = ruleHelpUri(meta.docs);
  const plain = unmark(meta.description);
  return {
    id,
    shortDescription: { text: unmark(shortOf(meta.description)) },
    fullDescription: { text: plain, markdown: meta.description },
    help: { text: `${plain} Documentation: ${helpUri}`, markdown: `${meta.description}\n\n[Documentation](${helpUri})` },
    helpUri,
    defaultConfiguration: defaultConfiguration(meta.defaultSeverity),
  };
}

function defaultConfiguration(severity: Severity): Json {
  return severity === 'off' ? { enabled: false } : { level: LEVEL[severity] };
}

function fileResults(file: FileReport, cwd: string, ruleIndex: ReadonlyMap<string, number>): Json[] {
  const location = artifactLocation(file.absolute, cwd);
  const occurrences = new Map<string, number>();
  return file.problems.map(p => {
    const key = fingerprintKey(p, String(location.uri));
    const n = (occurrences.get(key) ?? 0) + 1;
    occurrences.set(key, n);
    return {
      ruleId: p.ruleId,
      ruleIndex: ruleIndex.get(p.ruleId),
      level: LEVEL[p.severity],
      message: { text: p.message },
      locations: [{ physicalLocation: { artifactLocation: location, region: region(p) } }],
      partialFingerprints: { [FINGERPRINT]: `${key}:${n}` },
      ...(p.fix
        ? {
            fixes: [
              {
                description: { text: p.fix.title },
                artifactChanges: [{ artifactLocation: location, replacements: p.fix.edits.map(replacement) }],
              },
            ],
          }
        : {}),
    };
  });
}

/** Rule, file and the finding's trimmed line: not its line number, so moving the line keeps the fingerprint. */
function fingerprintKey(p: Problem, uri: string): string {
  return createHash('sha256').update(`${p.ruleId}\0${uri}\0${p.lineText}`).digest('hex').slice(0, 32);
}

function region(r: { line: number; column: number; endLine: number; endColumn: number }): Json {
  return { startLine: r.line, startColumn: r.column, endLine: r.endLine, endColumn: r.endColumn };
}

function replacement(edit: PlacedEdit): Json {
  return { deletedRegion: region(edit), insertedContent: { text: edit.text } };
}

function notification(level: string, text: string, file: string, cwd: string): Json {
  return { level, message: { text }, locations: [{ physicalLocation: { artifactLocation: artifactLocation(file, cwd) } }] };
}

/** A file under the working folder as a URI relative to %SRCROOT%; one outside it as an absolute file URI. */
function artifactLocation(file: string, cwd: string): Json {
  const relative = path.relative(cwd, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return { uri: pathToFileURL(file).href };
  return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function folderUri(folder: string): string {
  const href = pathToFileURL(folder).href;
  return href.endsWith('/') ? href : `${href}/`;
}

/** The description's first clause: parenthesised examples dropped, cut at the first colon, code spans kept intact. */
export function shortOf(description: string): string {
  let out = '';
  let depth = 0;
  let code = false;
  for (let i = 0; i < description.length; i++) {
    const c = description[i]!;
    if (c === '`') code = !code;
    if (!code && c === '(') depth++;
    if (depth === 0) {
      if (!code && c === ':' && description[i + 1] === ' ') break;
      out += c;
    }
    if (!code && c === ')' && depth > 0) depth--;
  }
  return out.replace(/\s+([,.;])/g, '$1').replace(/\s{2,}/g, ' ').trim().replace(/[.;,]?$/, '.');
}

/** Markdown code spans as plain text. */
function unmark(markdown: string): string {
  return markdown.replace(/`([^`]*)`/g, '$1');
}

/**
 * One core analysis per linted file, shared by every omnichannel rule. ESLint creates every enabled rule
 * before it walks the tree, so each rule's `create` registers itself for the file's `SourceCode`, and the
 * first `Program` listener then runs the core once with exactly the registered rules on.
 */
import * as path from 'node:path';
import { analyzeOnce, DEFAULT_SEVERITIES, resolveSettings, RULES } from '@omnichannel-tools/core';
import type { AnalyzerSettings, Finding, RuleId, Severity } from '@omnichannel-tools/core';
import type { SourceCode } from 'eslint';

/** Something to say about the file as a whole (not analysed, a setting ignored), shown at 1:1 by one rule. */
export interface Note {
  readonly ruleId: RuleId;
  readonly message: string;
}

export interface FileAnalysis {
  readonly findings: readonly Finding[];
  readonly notes: readonly Note[];
}

/** What a rule brings to its file's analysis. */
export interface Registration {
  readonly ruleId: RuleId;
  /** The parts of the core's settings this rule's options set (only `missing-ui-refresh` has options). */
  readonly settings?: Partial<Pick<AnalyzerSettings, 'refreshFunctions' | 'refreshCall'>>;
  /** Problems with this rule's options, reported by the rule itself. */
  readonly problems?: readonly string[];
}

interface FileState {
  readonly fileName: string;
  /** ESLint's shared `settings` of the file's config; `settings.omnichannel.maxFileSize` is read from it. */
  readonly shared: Record<string, unknown>;
  readonly rules: Map<RuleId, Registration>;
  result?: FileAnalysis;
}

const files = new WeakMap<SourceCode, FileState>();
let analyses = 0;

/** How many files the core has analysed in this process: lets a test see one analysis per file, not per rule. */
export function analysisCount(): number {
  return analyses;
}

let reused = 0;

/** How many of those analyses used the parser's TypeScript tree rather than parsing again. */
export function reusedTreeCount(): number {
  return reused;
}

export function register(sourceCode: SourceCode, fileName: string, shared: Record<string, unknown>, registration: Registration): void {
  let state = files.get(sourceCode);
  // A finished analysis means a new lint run over the same SourceCode (Linter.verify accepts one): start afresh.
  if (!state || state.result) {
    state = { fileName, shared, rules: new Map() };
    files.set(sourceCode, state);
  }
  state.rules.set(registration.ruleId, registration);
}

/** The file's analysis: computed by the first rule that asks, then shared. */
export function analysisOf(sourceCode: SourceCode): FileAnalysis {
  const state = files.get(sourceCode);
  if (!state) return { findings: [], notes: [] };
  state.result ??= run(sourceCode, state);
  return state.result;
}

function run(sourceCode: SourceCode, state: FileState): FileAnalysis {
  analyses++;
  const text = sourceCode.text;
  const enabled = RULES.map(rule => rule.id).filter(id => state.rules.has(id));
  // Notes about the whole file come from the first enabled rule in the core's order, so they show once.
  const owner = enabled[0]!;
  const notes: Note[] = [];
  for (const { ruleId, problems } of state.rules.values()) for (const message of problems ?? []) notes.push({ ruleId, message });
  const settings = settingsOf(state, enabled, message => notes.push({ ruleId: owner, message }));
  if (text.length > settings.maxFileSize) {
    // Checked before parsing: skipping the parse of a minified bundle is what the setting is for.
    const name = path.basename(state.fileName);
    notes.push({ ruleId: owner, message: `${name} is ${text.length} characters, above settings.omnichannel.maxFileSize (${settings.maxFileSize}): not analysed. Raise the setting to analyse it.` });
    return { findings: [], notes };
  }
  try {
    const failed = new Set<string>();
    // One-shot: a file that cannot hold a call is not parsed, and nothing is kept for an edit ESLint never makes.
    const parsed = parsedBy(sourceCode);
    const result = analyzeOnce(state.fileName, text, settings, { onRuleError: id => failed.add(id), parsed });
    if (parsed !== undefined && result.doc?.sourceFile === parsed) reused++;
    if (result.skippedReason) notes.push({ ruleId: owner, message: result.skippedReason });
    for (const id of failed) notes.push({ ruleId: id as RuleId, message: 'This rule failed on a call in this file, so its findings there are missing. Please report it with the file.' });
    return { findings: result.findings, notes };
  } catch (error) {
    // A broken analysis must not end the whole ESLint run; it shows as one message instead.
    notes.push({ ruleId: owner, message: `The Omnichannel analysis failed on this file (${error instanceof Error ? error.message : String(error)}): not analysed. Please report it with the file.` });
    return { findings: [], notes };
  }
}

/**
 * The TypeScript tree `@typescript-eslint/parser` made of the file (with or without a program); the core uses
 * it instead of parsing the file again if it is a tree of its own TypeScript. Nothing for other parsers.
 */
function parsedBy(sourceCode: SourceCode): unknown {
  const services = sourceCode.parserServices as { esTreeNodeToTSNodeMap?: { get(node: unknown): unknown } } | undefined;
  return services?.esTreeNodeToTSNodeMap?.get(sourceCode.ast);
}

function settingsOf(state: FileState, enabled: readonly RuleId[], problem: (message: string) => void): AnalyzerSettings {
  const shared = state.shared['omnichannel'];
  const maxFileSize = typeof shared === 'object' && shared !== null ? (shared as Record<string, unknown>)['maxFileSize'] : undefined;
  const resolved = resolveSettings({ maxFileSize });
  for (const message of resolved.problems) problem(`settings.${message}`);
  // ESLint decides each message's severity; the core only needs to know which rules run.
  const rules: Partial<Record<RuleId, Severity>> = {};
  for (const rule of RULES) {
    if (!enabled.includes(rule.id)) rules[rule.id] = 'off';
    else if (DEFAULT_SEVERITIES[rule.id] === 'off') rules[rule.id] = 'warning';
  }
  const own = [...state.rules.values()].reduce((all, r) => ({ ...all, ...r.settings }), {});
  return { ...resolved.settings, ...own, rules };
}

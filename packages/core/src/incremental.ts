/**
 * Checks the calls of a document; after one edit, only those the edit can have changed. Each check notes
 * what it read beyond the call (`reads.ts`). An edit changes a run of statements in one list and nothing
 * else of the tree (`calls/statements.ts`): the calls in the run are found again, from the names the last
 * search of the file followed; the calls whose reads touch the run are checked again; the others keep
 * their findings, moved by the edit. What cannot be told that way (several edits, other settings, an edit
 * that declares a name recognition looked up, or in a function whose result names the API…) is analysed
 * in full. Either way the findings are those of a full analysis.
 */
// A plain require: `import * as` would wrap every `ts.X` in one more getter, and this runs per call.
import ts = require('typescript');
import { findApiCalls, prefetchArgumentNames, type ApiCall } from './calls';
import { declarationsIn, findCallsIn, indexOf, seedIndex } from './calls/find';
import { Descender } from './calls/locate';
import { changedRun } from './calls/statements';
import { CarriedCall, createContext, mergeCalls } from './carried';
import type { OmnichannelDocument } from './document';
import { listOf, mentionsAny, noteFunctionOf, recording, wordsAmong, type ReadLog } from './reads';
import { RULES } from './rules/all-rules';
import type { RuleContext } from './rules/types';
import type { Suppressions } from './suppressions';
import type { AnalyzerSettings, Finding, Fix, ReportedSeverity, RuleId } from './types';

/** Set to false to analyse every edit in full (to compare, or to rule this out when hunting a bug). */
export const INCREMENTAL = { enabled: true };

export interface CheckOptions {
  readonly onRuleError?: (ruleId: string, error: unknown) => void;
  /** No later analysis will follow an edit: reads are not recorded, and nothing is kept about the document. */
  readonly oneShot?: boolean;
}

/** One report of a rule on a call, as plain data (a finding's fixes are built when asked). */
interface Report {
  readonly order: number;
  readonly ruleId: RuleId;
  readonly severity: ReportedSeverity;
  start: number;
  end: number;
  readonly message: string;
  readonly detail: string | undefined;
  readonly hasFixes: boolean;
}

/**
 * A checked call, in offsets only: no node of a tree is kept, so an old tree is not kept alive. The
 * offsets of a call an edit leaves alone are moved in place.
 */
interface CallRecord {
  pos: number;
  end: number;
  memberPos: number;
  memberEnd: number;
  readonly memberKind: ts.SyntaxKind;
  readonly namespace: string;
  readonly member: string;
  readonly regions: [number, number][];
  readonly names: readonly string[];
  readonly lookups: readonly string[];
  lineUpTo: number;
  readonly threw: boolean;
  readonly reports: readonly Report[];
}

interface State {
  readonly generation: number;
  readonly settings: AnalyzerSettings;
  readonly records: readonly CallRecord[];
  readonly followed: ReadonlySet<string>;
  readonly followedCalls: ReadonlySet<string>;
  /** The names whose declarations recognising the calls looked up. */
  readonly recognition: ReadonlySet<string>;
  /** The functions whose result some evaluation read: an edit in one is analysed in full. */
  readonly yields: readonly (readonly [number, number])[];
}

const states = new WeakMap<OmnichannelDocument, State>();

/** How a document's last analysis went: incrementally (and how many calls were checked), or in full and why. */
export interface HowAnalysed {
  readonly incremental: boolean;
  readonly reason?: string;
  readonly checked: number;
}

const how = new WeakMap<OmnichannelDocument, HowAnalysed>();

export function howAnalysed(doc: OmnichannelDocument): HowAnalysed | undefined {
  return how.get(doc);
}

/** A checked call of the current tree, with the fixes of reports just made. */
interface Checked {
  readonly record: CallRecord;
  readonly call: ApiCall;
  readonly fixes?: ReadonlyMap<Report, () => readonly Fix[]>;
}

/** The findings of every call of the document, before suppressions: incrementally when it can be, else in full. */
export function checkCalls(doc: OmnichannelDocument, settings: AnalyzerSettings, suppressions: Suppressions, options: CheckOptions): Finding[] {
  const sourceFile = doc.sourceFile;
  if (options.oneShot) {
    states.delete(doc);
    how.delete(doc);
    return findingsOf(doc, settings, suppressions, once(sourceFile, settings, options));
  }
  const previous = states.get(doc);
  const incremental = !INCREMENTAL.enabled ? 'switched off' : !previous ? 'no earlier analysis'
    : previous.generation === doc.generation && previous.settings === settings ? unchanged(sourceFile, previous) : afterEdit(doc, settings, previous, options);
  let checked: Checked[];
  if (typeof incremental === 'string') {
    checked = inFull(doc, settings, options);
    how.set(doc, { incremental: false, reason: incremental, checked: checked.length });
  } else {
    checked = incremental;
    how.set(doc, { incremental: true, checked: checked.filter(c => c.fixes !== undefined).length });
  }
  return findingsOf(doc, settings, suppressions, checked);
}

/** The findings of checked calls, suppressions applied, in source order. */
function findingsOf(doc: OmnichannelDocument, settings: AnalyzerSettings, suppressions: Suppressions, checked: readonly Checked[]): Finding[] {
  const sourceFile = doc.sourceFile;
  const ctx = createContext(sourceFile, settings, checked.map(c => c.call));
  const findings: { finding: Finding; order: number }[] = [];
  for (const { record, call, fixes } of checked) {
    for (const report of record.reports) {
      if (suppressions.any && suppressions.suppressed(report.ruleId, doc.positionAt(report.start).line)) continue;
      const made = fixes?.get(report);
      const finding: Finding = {
        ruleId: report.ruleId,
        start: report.start,
        end: report.end,
        message: report.message,
        ...(report.detail !== undefined ? { detail: report.detail } : {}),
        severity: report.severity,
        ...(report.hasFixes ? { fixes: made ?? fixesLater(report, call, ctx) } : {}),
      };
      findings.push({ finding, order: report.order });
    }
  }
  findings.sort((a, b) => a.finding.start - b.finding.start || a.order - b.order || a.finding.end - b.finding.end);
  return findings.map(f => f.finding);
}

/** Drops what was kept about a document (it was not analysed: too large, unparsable, suppressed). */
export function forgetCalls(doc: OmnichannelDocument): void {
  states.delete(doc);
}

/** Every call checked, with nothing recorded or kept for a later edit. */
function once(sourceFile: ts.SourceFile, settings: AnalyzerSettings, options: CheckOptions): Checked[] {
  const calls = findApiCalls(sourceFile);
  if (calls.length > 0) prefetchArgumentNames(sourceFile);
  const ctx = createContext(sourceFile, settings, calls);
  return calls.map(call => check(call, ctx, options));
}

/** Every call checked, as `once` does, and what a later edit needs kept. */
function inFull(doc: OmnichannelDocument, settings: AnalyzerSettings, options: CheckOptions): Checked[] {
  const sourceFile = doc.sourceFile;
  const recognition = new Set(declarationsIn(sourceFile).names());
  const checked = once(sourceFile, settings, options);
  const index = indexOf(sourceFile);
  states.set(doc, {
    generation: doc.generation,
    settings,
    records: checked.map(c => c.record),
    followed: index.followed,
    followedCalls: index.followedCalls,
    recognition,
    yields: rangesOf(index.declarations.yields.keys()),
  });
  return checked;
}

/** The same tree analysed again: every call keeps its findings (the file's calls are in the records' order). */
function unchanged(sourceFile: ts.SourceFile, state: State): Checked[] {
  const calls = indexOf(sourceFile).calls;
  return state.records.map((record, i) => ({ record, call: calls[i]! }));
}

/** The calls after one edit, or why the edit needs a full analysis. */
function afterEdit(doc: OmnichannelDocument, settings: AnalyzerSettings, state: State, options: CheckOptions): Checked[] | string {
  const edit = doc.lastEdit;
  const sourceFile = doc.sourceFile;
  if (state.settings !== settings) return 'other settings';
  if (!edit || edit.from !== state.generation) return 'not one edit since the last analysis';
  if (!edit.list) return 'the edit is in no list of statements';
  if (edit.wasModule !== ts.isExternalModule(sourceFile)) return 'the file became a module or stopped being one'; // a script's top-level `var` names a global, a module's does not
  const run = changedRun(sourceFile, edit, edit.list);
  if (typeof run === 'string') return run;
  const delta = edit.newEnd - edit.oldEnd;
  const [from, to] = [run.from, run.to];
  const shift = (offset: number): number => (offset >= to ? offset + delta : offset);
  const touches = (r: readonly [number, number]): boolean => r[0] <= to && from <= r[1];
  const touchesReport = (r: Report): boolean => r.start <= to && from <= r.end;
  if (state.yields.some(touches)) return 'the edit is in a function whose result names the API';
  // A declaration the edit made or removed that the code around it sees: what recognised a call may have changed.
  const declared = run.declared;
  for (const name of declared) if (state.recognition.has(name) || state.followed.has(name) || state.followedCalls.has(name) || state.followedCalls.has(`get ${name}`)) return `the edit changes a declaration of ${name}`;
  const text = sourceFile.text;
  const newRun = text.slice(from, run.newTo);
  const oldRun = text.slice(from, edit.start) + edit.removed + text.slice(edit.newEnd, run.newTo);
  const mentioned = wordsAmong([oldRun, newRun], state.records.flatMap(r => r.names));
  const linesMoved = /[\r\n]/.test(edit.removed) || /[\r\n]/.test(text.slice(edit.start, edit.newEnd));

  const found = findCallsIn(sourceFile, { from, to: run.newTo, followed: state.followed, followedCalls: state.followedCalls });
  if (!found) return 'a value the edit made leaves its statements (a return, or an alias code elsewhere may use)';
  const declarations = declarationsIn(sourceFile);
  const recognition = new Set([...state.recognition, ...declarations.names()]);
  const locator = new Descender(sourceFile);
  const kept: { call: CarriedCall; record: CallRecord | undefined }[] = [];
  for (const record of state.records) {
    if (record.pos >= from && record.end <= to) continue; // in the edited statements: found again
    if (record.memberPos <= to && from <= record.memberEnd) return 'the edit changes the declaration a call is made through';
    const again = record.threw || record.regions.some(touches) || mentionsAny(record.names, mentioned) || mentionsAny(record.lookups, declared)
      || (record.lineUpTo >= from && (linesMoved || record.lineUpTo <= to)) || record.reports.some(touchesReport);
    if (!again) move(record, shift);
    const call = new CarriedCall(record, again ? shift : (offset: number) => offset, sourceFile, locator, declarations);
    if (again && !call.located()) return 'a call was not found again';
    kept.push({ call, record: again ? undefined : record });
  }
  const calls = mergeCalls(kept.map(k => k.call), found.calls);
  seedIndex(sourceFile, { calls, declarations, followed: found.followed, followedCalls: found.followedCalls });
  const ctx = createContext(sourceFile, settings, calls);
  const byCall = new Map<ApiCall, Checked>();
  for (const { call, record } of kept) byCall.set(call, record ? { record, call } : check(call, ctx, options));
  for (const call of found.calls) byCall.set(call, check(call, ctx, options));
  const checked = calls.map(call => byCall.get(call)!);
  states.set(doc, {
    generation: doc.generation,
    settings,
    records: checked.map(c => c.record),
    followed: found.followed,
    followedCalls: found.followedCalls,
    recognition,
    yields: [...state.yields.map(r => [shift(r[0]), shift(r[1])] as const), ...rangesOf(declarations.yields.keys())],
  });
  return checked;
}

/** Runs every rule on one call, noting what the rules read (unless the analysis is one-shot). */
function check(call: ApiCall, ctx: RuleContext, options: CheckOptions): Checked {
  const fixes = new Map<Report, () => readonly Fix[]>();
  let threw = false;
  const runRules = (): Report[] => {
    const made: Report[] = [];
    RULES.forEach((rule, order) => {
      const configured = ctx.settings.rules[rule.id];
      if (configured === 'off' || (configured === undefined && rule.meta.defaultSeverity === 'off')) return;
      let reported;
      try {
        reported = rule.check(call, ctx);
      } catch (error) {
        threw = true;
        options.onRuleError?.(rule.id, error);
        return;
      }
      for (const r of reported) {
        const report: Report = {
          order, ruleId: rule.id, severity: (configured ?? r.severity ?? rule.meta.defaultSeverity) as ReportedSeverity,
          start: r.start, end: r.end, message: r.message, detail: r.detail, hasFixes: r.fixes !== undefined,
        };
        if (r.fixes) fixes.set(report, r.fixes);
        made.push(report);
      }
    });
    return made;
  };
  const { value: reports, log } = options.oneShot ? { value: runRules(), log: NOTHING_READ } : recording(() => {
    noteFunctionOf(call.node);
    return runRules();
  });
  const member = call.memberNode;
  const record: CallRecord = {
    pos: call.node.pos, end: call.node.end, memberPos: member.pos, memberEnd: member.end, memberKind: member.kind,
    namespace: call.namespace, member: call.member, regions: log.regions, names: listOf(log.names), lookups: listOf(log.lookups), lineUpTo: log.lineUpTo, threw, reports,
  };
  return { record, call, fixes };
}

/** The read log of a one-shot check: nothing recorded. */
const NOTHING_READ: ReadLog = { regions: [], names: new Set(), lookups: new Set(), lineUpTo: -1 };

/** Moves the offsets of a record of a call the edit did not touch to where they are after it. */
function move(record: CallRecord, shift: (offset: number) => number): void {
  record.pos = shift(record.pos);
  record.end = shift(record.end);
  record.memberPos = shift(record.memberPos);
  record.memberEnd = shift(record.memberEnd);
  for (const region of record.regions) {
    region[0] = shift(region[0]);
    region[1] = shift(region[1]);
  }
  if (record.lineUpTo >= 0) record.lineUpTo = shift(record.lineUpTo);
  for (const report of record.reports) {
    report.start = shift(report.start);
    report.end = shift(report.end);
  }
}


function fixesLater(report: Report, call: ApiCall, ctx: RuleContext): () => readonly Fix[] {
  const { order, start, end, message } = report;
  return () => fixesAgain({ order, start, end, message }, call, ctx);
}

function fixesAgain({ order, start, end, message }: Pick<Report, 'order' | 'start' | 'end' | 'message'>, call: ApiCall, ctx: RuleContext): readonly Fix[] {
  const again = RULES[order]!.check(call, ctx).find(r => r.start === start && r.end === end && r.message === message);
  return again?.fixes?.() ?? [];
}

function rangesOf(nodes: Iterable<ts.Node>): (readonly [number, number])[] {
  return [...nodes].map(n => [n.pos, n.end] as const);
}

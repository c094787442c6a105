/**
 * Calls carried over an edit by incremental analysis (`incremental.ts`): recognised in an earlier tree,
 * untouched by the edit, known by their offsets, their nodes in the current tree found when first asked
 * for. And the rule context over such calls, which tells a recognised call by its range.
 */
// A plain require: `import * as` would wrap every `ts.X` in one more getter, and this runs per call.
import ts = require('typescript');
import type { ApiCall, ResolvedString } from './calls';
import { recognisedCall } from './calls/find';
import { nodeAt, type Descender } from './calls/locate';
import type { Declarations } from './calls/scope';
import { findMethod, type MethodInfo } from './catalogue';
import type { RuleContext } from './rules/types';
import type { AnalyzerSettings } from './types';

/** Where a carried call was, in the offsets of the current text. */
export interface CallOffsets {
  readonly pos: number;
  readonly end: number;
  readonly memberPos: number;
  readonly memberEnd: number;
  readonly memberKind: ts.SyntaxKind;
  readonly namespace: string;
  readonly member: string;
}

/**
 * A call recognised in an earlier tree that the edit did not touch. Its nodes in the current tree are
 * found when first asked for (most calls are never asked: their findings are carried over as they were).
 */
export class CarriedCall implements ApiCall {
  readonly namespace: string;
  readonly member: string;
  readonly pos: number;
  readonly end: number;
  private readonly memberPos: number;
  private readonly memberEnd: number;
  private readonly memberKind: ts.SyntaxKind;
  private found: ts.CallExpression | undefined;
  private foundMember: ts.Node | undefined;

  constructor(record: CallOffsets, at: (offset: number) => number, private readonly sourceFile: ts.SourceFile,
    private readonly locator: Descender, private readonly declarations: Declarations) {
    this.namespace = record.namespace;
    this.member = record.member;
    this.pos = at(record.pos);
    this.end = at(record.end);
    this.memberPos = at(record.memberPos);
    this.memberEnd = at(record.memberEnd);
    this.memberKind = record.memberKind;
  }

  get method(): MethodInfo | undefined {
    return findMethod(this.namespace, this.member);
  }

  /** Whether both nodes are in the current tree. */
  located(): boolean {
    this.found ??= nodeAt(this.locator, this.pos, this.end, ts.SyntaxKind.CallExpression) as ts.CallExpression | undefined;
    this.foundMember ??= nodeAt(this.locator, this.memberPos, this.memberEnd, this.memberKind);
    return this.found !== undefined && this.foundMember !== undefined;
  }

  get node(): ts.CallExpression {
    this.found ??= nodeAt(this.locator, this.pos, this.end, ts.SyntaxKind.CallExpression) as ts.CallExpression | undefined;
    if (!this.found) throw new Error(`${this.sourceFile.fileName}: the call of ${this.member} at offset ${this.pos} is not in the tree after the edit.`);
    return this.found;
  }

  get memberNode(): ts.Node {
    this.foundMember ??= nodeAt(this.locator, this.memberPos, this.memberEnd, this.memberKind);
    if (!this.foundMember) throw new Error(`${this.sourceFile.fileName}: the name of ${this.member} at offset ${this.memberPos} is not in the tree after the edit.`);
    return this.foundMember;
  }

  get args(): readonly ts.Expression[] {
    return this.node.arguments;
  }

  resolveString(expr: ts.Expression): ResolvedString | undefined {
    return recognisedCall(this.namespace, this.member, this.memberNode, this.node, this.declarations).resolveString(expr);
  }
}

/** A call's range without finding its node. */
function spanOf(call: ApiCall): readonly [number, number] {
  return call instanceof CarriedCall ? [call.pos, call.end] : [call.node.pos, call.node.end];
}

/** The carried calls and the calls found again, in source order (as a search of the file orders them). */
export function mergeCalls(carried: readonly ApiCall[], found: readonly ApiCall[]): ApiCall[] {
  return [...carried, ...found].map(call => ({ call, span: spanOf(call) }))
    .sort((a, b) => a.span[0] - b.span[0] || b.span[1] - a.span[1]).map(c => c.call);
}

/** The fixes of a report kept from an earlier tree: the rule runs again on the call, in the current tree. */
/** What rules see; a call expression is told to be a recognised call by its range, so carried calls need not find their nodes. */
export function createContext(sourceFile: ts.SourceFile, settings: AnalyzerSettings, calls: readonly ApiCall[]): RuleContext {
  const byPos = new Map<number, ApiCall[]>();
  for (const call of calls) {
    const [pos] = spanOf(call);
    const list = byPos.get(pos);
    if (list) list.push(call);
    else byPos.set(pos, [call]);
  }
  const callAt = (node: ts.Node): ApiCall | undefined => {
    if (node.kind !== ts.SyntaxKind.CallExpression) return undefined;
    const list = byPos.get(node.pos);
    return list?.find(call => spanOf(call)[1] === node.end);
  };
  return { sourceFile, text: sourceFile.text, settings, calls, callAt };
}

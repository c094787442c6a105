/** A call with missing or extra arguments, or a literal of the wrong kind (a number for an id, `"true"` for a boolean, an input object without `agentId`). */
// A plain require: `import * as` would wrap every `ts.X` in one more getter, and this runs per call.
import ts = require('typescript');
import type { ParameterInfo, ParamType } from '../catalogue';
import type { ApiCall } from '../calls';
import { unwrap } from '../calls';
import type { Fix } from '../types';
import { callSpan, spanOf } from './support/text';
import type { Report, Rule, RuleContext } from './types';

type LiteralKind = 'string' | 'number' | 'boolean' | 'object' | 'array' | 'function';

const ACCEPTS: Record<ParamType, readonly LiteralKind[]> = {
  'string': ['string'],
  'guid': ['string'],
  'entityName': ['string'],
  'boolean': ['boolean'],
  'number': ['number'],
  'object': ['object'],
  'function': ['function'],
  'string[]': ['array'],
  'number[]': ['array'],
  'string|object': ['string', 'object'],
};

const ARTICLE: Record<LiteralKind, string> = {
  string: 'a string', number: 'a number', boolean: 'a boolean', object: 'an object', array: 'an array', function: 'a function',
};

export const invalidArguments: Rule = {
  id: 'invalid-arguments',
  meta: {
    description: 'A call with missing or extra arguments, or a literal of the wrong kind (a number for an id, `"true"` for a boolean, an input object without `agentId`).',
    defaultSeverity: 'error',
    docs: 'invalid-arguments',
    checksArguments: true,
  },
  check(call, ctx) {
    const params = call.method?.parameters;
    if (!params) return [];
    const reports: Report[] = [];
    const hasSpread = call.args.some(ts.isSpreadElement);
    const required = params.filter(p => !p.optional);
    // Built only for a report: most calls are fine, and this rule runs for every call in the file.
    const signature = (): string => `${call.member}(${params.map(p => p.optional ? `${p.name}?` : p.name).join(', ')})`;
    if (!hasSpread && call.args.length < required.length) {
      const missing = required.slice(call.args.length).map(p => p.name).join(', ');
      reports.push({
        ...callSpan(call, ctx.sourceFile),
        message: `Add ${missing}: ${call.member} needs ${required.length} argument${required.length === 1 ? '' : 's'}, got ${call.args.length}.`,
        detail: `Signature: \`${signature()}\`.`,
      });
    }
    if (!hasSpread && call.args.length > params.length) {
      const extra = call.args.slice(params.length);
      reports.push({
        start: extra[0]!.getStart(ctx.sourceFile),
        end: extra[extra.length - 1]!.end,
        message: `Remove the extra argument${extra.length === 1 ? '' : 's'}: ${call.member} takes at most ${params.length}.`,
        detail: `The extra arguments are ignored. Signature: \`${signature()}\`.`,
      });
    }
    call.args.forEach((arg, index) => {
      const param = params[index];
      if (param && !ts.isSpreadElement(arg)) reports.push(...checkArgument(call, arg, param, ctx));
    });
    return reports;
  },
};

function checkArgument(call: ApiCall, arg: ts.Expression, param: ParameterInfo, ctx: RuleContext): Report[] {
  const kind = literalKind(arg, call);
  if (!kind) return [];
  const accepted = ACCEPTS[param.type];
  if (!accepted.includes(kind)) {
    const expected = accepted.map(k => ARTICLE[k]).join(' or ');
    const value = unwrap(arg);
    const booleanText = param.type === 'boolean' ? call.resolveString(arg) : undefined;
    const asBoolean = booleanText && (booleanText.value === 'true' || booleanText.value === 'false') && booleanText.node === value ? booleanText.value : undefined;
    const message = asBoolean
      ? `Write ${asBoolean} without quotes: ${param.name} is a boolean.`
      : kind === 'number' && param.type === 'guid'
        ? `Quote the GUID: ${param.name} is a string, not a number.`
        : `Pass ${expected} as ${param.name}, not ${ARTICLE[kind]}.`;
    return [{
      ...spanOf(arg, ctx.sourceFile),
      message,
      detail: `${param.name} of ${call.member} must be ${expected}, got ${ARTICLE[kind]}.`,
      ...(asBoolean ? { fixes: (): Fix[] => [{ title: `Change to ${asBoolean}`, isPreferred: true, edits: [{ ...spanOf(value, ctx.sourceFile), newText: asBoolean }] }] } : {}),
    }];
  }
  const value = unwrap(arg);
  if (kind === 'object' && param.type === 'object' && ts.isObjectLiteralExpression(value)) {
    if (value.properties.some(p => ts.isSpreadAssignment(p))) return [];
    const present = new Set(value.properties.map(p => p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : undefined));
    const missing = requiredKeys(param.typeText).filter(key => !present.has(key));
    if (missing.length > 0) {
      return [{
        ...spanOf(arg, ctx.sourceFile),
        message: `Add ${missing.join(', ')} to ${param.name}.`,
        detail: `${param.name} of ${call.member} is \`${param.typeText}\`.`,
      }];
    }
  }
  return [];
}

/** The kind of a literal argument (or a same-file string constant); undefined for anything computed. */
function literalKind(arg: ts.Expression, call: ApiCall): LiteralKind | undefined {
  const e = unwrap(arg);
  switch (e.kind) {
    case ts.SyntaxKind.StringLiteral:
    case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
    case ts.SyntaxKind.TemplateExpression:
      return 'string';
    case ts.SyntaxKind.NumericLiteral:
    case ts.SyntaxKind.BigIntLiteral:
      return 'number';
    case ts.SyntaxKind.PrefixUnaryExpression:
      return ts.isNumericLiteral((e as ts.PrefixUnaryExpression).operand) ? 'number' : undefined;
    case ts.SyntaxKind.TrueKeyword:
    case ts.SyntaxKind.FalseKeyword:
      return 'boolean';
    case ts.SyntaxKind.ObjectLiteralExpression:
      return 'object';
    case ts.SyntaxKind.ArrayLiteralExpression:
      return 'array';
    case ts.SyntaxKind.ArrowFunction:
    case ts.SyntaxKind.FunctionExpression:
      return 'function';
    case ts.SyntaxKind.Identifier:
      return call.resolveString(e) ? 'string' : undefined;
    default:
      return undefined;
  }
}

const requiredKeysCache = new Map<string, readonly string[]>();

/** Top-level property names without `?` in an object type text such as `{ agentId: string; status?: number[] }`. */
function requiredKeys(typeText: string): readonly string[] {
  let keys = requiredKeysCache.get(typeText);
  if (!keys) {
    keys = parseRequiredKeys(typeText);
    requiredKeysCache.set(typeText, keys);
  }
  return keys;
}

function parseRequiredKeys(typeText: string): string[] {
  const keys: string[] = [];
  let depth = 0;
  const pattern = /[{}[\]]|([A-Za-z_$][\w$]*)(\??):/g;
  for (let m = pattern.exec(typeText); m; m = pattern.exec(typeText)) {
    const token = m[0];
    if (token === '{' || token === '[') depth++;
    else if (token === '}' || token === ']') depth--;
    else if (depth === 1 && m[2] === '') keys.push(m[1]!);
  }
  return keys;
}

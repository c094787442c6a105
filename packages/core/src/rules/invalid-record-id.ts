/** A record or conversation id is not a lower-case GUID without braces, or is `formContext.data.entity.getId()` passed straight in (it returns `{UPPER-CASE}`). */
// A plain require: `import * as` would wrap every `ts.X` in one more getter, and this runs per call.
import ts = require('typescript');
import type { Fix } from '../types';
import { unwrap } from '../calls';
import { BRACED_ID_ORIGIN, bracedIdFixTitle, bracedIdMessage } from '../catalogue/ids';
import { replaceLiteralText, spanOf } from './support/text';
import type { Report, Rule } from './types';

const CANONICAL = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const FIXABLE = /^(\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
const NORMALISE = '.replace(/[{}]/g, "").toLowerCase()';

export const invalidRecordId: Rule = {
  id: 'invalid-record-id',
  meta: {
    description: 'A record or conversation id is not a lower-case GUID without braces, or is `formContext.data.entity.getId()` passed straight in (it returns `{UPPER-CASE}`).',
    defaultSeverity: 'error',
    docs: 'invalid-record-id',
    checksArguments: true,
  },
  check(call, ctx) {
    const params = call.namespace === 'Microsoft.Omnichannel' ? call.method?.parameters : undefined;
    if (!params) return [];
    const reports: Report[] = [];
    call.args.forEach((arg, index) => {
      const param = params[index];
      if (param?.type !== 'guid') return;
      const getId = formIdGetter(arg);
      if (getId) {
        reports.push({
          ...spanOf(arg, ctx.sourceFile),
          severity: 'warning',
          message: `Remove the braces and lower the case of ${getId.split('.').pop()}() for ${param.name}.`,
          detail: `\`${getId}()\` returns the id as \`{UPPER-CASE}\` with braces, but ${call.member} expects ${param.name} as a lower-case GUID without braces. The fix appends \`${NORMALISE}\`.`,
          fixes: (): Fix[] => [{ title: 'Strip the braces and lower the case', isPreferred: true, edits: [{ start: arg.end, end: arg.end, newText: NORMALISE }] }],
        });
        return;
      }
      const resolved = call.resolveString(arg);
      if (!resolved || CANONICAL.test(resolved.value)) return;
      if (FIXABLE.test(resolved.value)) {
        const normal = resolved.value.replace(/[{}]/g, '').toLowerCase();
        const fixes = (title: string) => (): Fix[] => [{ title, isPreferred: true, edits: [replaceLiteralText(resolved.node, ctx.sourceFile, normal)] }];
        // Braces are one rule everywhere (analyzer, simulator, panel, palette): refused, with the same words and fix.
        reports.push(resolved.value.startsWith('{')
          ? { ...spanOf(arg, ctx.sourceFile), message: bracedIdMessage(param.name, normal), detail: BRACED_ID_ORIGIN, fixes: fixes(bracedIdFixTitle(normal)) }
          : {
            ...spanOf(arg, ctx.sourceFile),
            severity: 'warning',
            message: `Lower the case of ${param.name}: use "${normal}".`,
            detail: 'Dataverse compares ids case-insensitively, but the API documents them in lower case, and so does every record it returns.',
            fixes: fixes(`Change to "${normal}"`),
          });
        return;
      }
      reports.push({
        ...spanOf(arg, ctx.sourceFile),
        message: `Pass a GUID as ${param.name}: "${shorten(resolved.value)}" is not one.`,
        detail: `${call.member} expects 32 hex digits, lower case, hyphenated, without braces, like \`5a2a6a28-9f8e-4c38-9a4f-1a0b3c2d4e5f\`.`,
      });
    });
    return reports;
  },
};

/** `X.data.entity.getId()` (the form's own id getter) passed directly, as its dotted callee text; else undefined. */
function formIdGetter(arg: ts.Expression): string | undefined {
  const e = unwrap(arg);
  if (!ts.isCallExpression(e) || e.arguments.length > 0) return undefined;
  const getId = e.expression;
  if (!ts.isPropertyAccessExpression(getId) || getId.name.text !== 'getId') return undefined;
  const entity = getId.expression;
  if (!ts.isPropertyAccessExpression(entity) || entity.name.text !== 'entity') return undefined;
  const data = entity.expression;
  if (!ts.isPropertyAccessExpression(data) || data.name.text !== 'data') return undefined;
  const owner = data.expression.getText();
  return `${owner.length > 40 ? 'formContext' : owner}.data.entity.getId`;
}

function shorten(value: string): string {
  return value.length > 24 ? `${value.slice(0, 23)}…` : value;
}

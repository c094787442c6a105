/** Two links filling the same slot (customer: account or contact; case: incident) of the same conversation one after the other: the second replaces the first. */
// A plain require: `import * as` would wrap every `ts.X` in one more getter, and this runs per call.
import ts = require('typescript');
import { findEntity } from '../catalogue';
import type { ApiCall } from '../calls';
import { unwrap } from '../calls';
import { lineAt } from '../document';
import { enclosingStatement, isStatementList } from './support/promise-use';
import { callSpan } from './support/text';
import type { Rule, RuleContext } from './types';

export const linkOverridden: Rule = {
  id: 'link-overridden',
  meta: {
    description: 'Two links filling the same slot (customer: account or contact; case: incident) of the same conversation one after the other: the second replaces the first.',
    defaultSeverity: 'info',
    docs: 'link-overridden',
  },
  check(call, ctx) {
    const slot = slotOf(call);
    if (!slot) return [];
    const statement = enclosingStatement(call.node);
    const list = statement?.parent;
    if (!statement || !list || !isStatementList(list)) return [];
    const statements = list.statements as readonly ts.Statement[];
    const conversation = conversationKey(call);
    // Walk back through the straight-line code before this statement; any branching ends the search.
    for (let i = statements.indexOf(statement) - 1; i >= 0; i--) {
      const previous = statements[i]!;
      if (!ts.isExpressionStatement(previous) && !ts.isVariableStatement(previous)) return [];
      const earlier = linkIn(previous, ctx);
      if (!earlier || slotOf(earlier) !== slot || conversationKey(earlier) !== conversation) continue;
      const line = lineAt(ctx.sourceFile, earlier.node.getStart(ctx.sourceFile)) + 1;
      const what = slot === 'customer' ? 'customer (account or contact)' : 'case';
      return [{
        ...callSpan(call, ctx.sourceFile),
        message: `Keep only one ${what} link: this one replaces the link on line ${line}.`,
        detail: `A conversation has one ${what} link: this ${call.resolveString(call.args[0]!)?.value} link replaces the ${earlier.resolveString(earlier.args[0]!)?.value} link made on line ${line}.`,
      }];
    }
    return [];
  },
};

function slotOf(call: ApiCall): 'customer' | 'case' | undefined {
  if (call.namespace !== 'Microsoft.Omnichannel' || call.member !== 'linkToConversation' || !call.args[0]) return undefined;
  const entity = call.resolveString(call.args[0]);
  return entity ? findEntity(entity.value)?.slot : undefined;
}

/** Which conversation a link targets, as comparable text: the resolved string, the expression text, or '' when omitted (the focused one). */
function conversationKey(call: ApiCall): string {
  const arg = call.args[2];
  if (!arg) return '';
  const resolved = call.resolveString(arg);
  return resolved ? `"${resolved.value}"` : unwrap(arg).getText();
}

/** The link call a simple statement makes (`link(...)`, `await link(...)`, `link(...).then(...)`, `const r = await link(...)`). */
function linkIn(statement: ts.ExpressionStatement | ts.VariableStatement, ctx: RuleContext): ApiCall | undefined {
  const roots = ts.isExpressionStatement(statement)
    ? [statement.expression]
    : statement.declarationList.declarations.map(d => d.initializer).filter((e): e is ts.Expression => e !== undefined);
  for (const root of roots) {
    let e: ts.Expression = unwrap(root);
    for (let hops = 0; hops < 32; hops++) {
      if (ts.isAwaitExpression(e) || ts.isVoidExpression(e)) {
        e = unwrap(e.expression);
        continue;
      }
      if (!ts.isCallExpression(e)) break;
      const api = ctx.callAt(e);
      if (api) return slotOf(api) ? api : undefined;
      const callee = e.expression;
      if (!ts.isPropertyAccessExpression(callee) || !['then', 'catch', 'finally'].includes(callee.name.text)) break;
      e = unwrap(callee.expression);
    }
  }
  return undefined;
}

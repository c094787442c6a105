/** A link or unlink names a table other than exactly `account`, `contact` or `incident` (`"case"`, `"Incident"`, `"accounts"`, custom tables). */
import { ENTITY_NAMES, intendedEntity } from '../catalogue';
import type { Fix } from '../types';
import { isLinkCall } from './support/methods';
import { replaceLiteralText, spanOf } from './support/text';
import type { Rule } from './types';

export const invalidEntityName: Rule = {
  id: 'invalid-entity-name',
  meta: {
    description: 'A link or unlink names a table other than exactly `account`, `contact` or `incident` (`"case"`, `"Incident"`, `"accounts"`, custom tables).',
    defaultSeverity: 'error',
    docs: 'invalid-entity-name',
    checksArguments: true,
  },
  check(call, ctx) {
    const arg = call.args[0];
    if (!isLinkCall(call) || !arg) return [];
    const resolved = call.resolveString(arg);
    if (!resolved || ENTITY_NAMES.includes(resolved.value)) return [];
    const intended = intendedEntity(resolved.value);
    const why = `${call.member} matches logical names exactly, and a conversation links only an account, a contact or an incident.`;
    return [{
      ...spanOf(arg, ctx.sourceFile),
      message: intended
        ? `Use "${intended.logicalName}": "${shorten(resolved.value)}" is not a table ${call.member} accepts.`
        : `Use account, contact or incident: "${shorten(resolved.value)}" cannot be linked.`,
      detail: intended?.logicalName === 'incident' ? `${why} A case's logical name is \`incident\`.` : why,
      fixes: (): Fix[] => {
        const replace = (name: string, isPreferred: boolean): Fix => ({
          title: `Change to "${name}"`,
          edits: [replaceLiteralText(resolved.node, ctx.sourceFile, name)],
          isPreferred,
        });
        return intended ? [replace(intended.logicalName, true)] : ENTITY_NAMES.map(name => replace(name, false));
      },
    }];
  },
};

function shorten(value: string): string {
  return value.length > 24 ? `${value.slice(0, 23)}…` : value;
}

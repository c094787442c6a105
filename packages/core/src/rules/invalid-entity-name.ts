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
  },
  check(call, ctx) {
    const arg = call.args[0];
    if (!isLinkCall(call) || !arg) return [];
    const resolved = call.resolveString(arg);
    if (!resolved || ENTITY_NAMES.includes(resolved.value)) return [];
    const intended = intendedEntity(resolved.value);
    const hint = intended
      ? ` Use "${intended.logicalName}"${intended.logicalName === 'incident' ? ' (a case\'s logical name is incident)' : ''}.`
      : ' Only these three tables can be linked to a conversation.';
    return [{
      ...spanOf(arg, ctx.sourceFile),
      message: `"${resolved.value}" is not an entity ${call.member} accepts: the logical name must be exactly account, contact or incident.${hint}`,
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

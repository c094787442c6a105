/** Every rule, in the order the README lists them. A rule not in this list never runs. */
import { invalidArguments } from './invalid-arguments';
import { invalidEntityName } from './invalid-entity-name';
import { invalidRecordId } from './invalid-record-id';
import { linkOverridden } from './link-overridden';
import { missingUiRefresh } from './missing-ui-refresh';
import { unhandledRejection } from './unhandled-rejection';
import { unknownApiMember } from './unknown-api-member';
import type { Rule } from './types';
import type { RuleId } from '../types';

export const RULES: readonly Rule[] = [
  invalidEntityName,
  invalidRecordId,
  missingUiRefresh,
  unhandledRejection,
  invalidArguments,
  unknownApiMember,
  linkOverridden,
];

/** The rules that check a call's arguments (`checksArguments` in their facts). */
export const ARGUMENT_RULE_IDS: ReadonlySet<RuleId> = new Set(RULES.filter(r => r.meta.checksArguments).map(r => r.id));

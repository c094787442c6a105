/** The shapes call recognition hands to rules and editor features. */
import type * as ts from 'typescript';
import type { MethodInfo } from '../catalogue';

/** A catalogue namespace calls are recognised on, by its path (`Microsoft.Omnichannel`, `Microsoft.Apm`, …). */
export type ApiNamespace = string;

/** A string value found in source and the literal that holds it (an argument or a same-file constant). */
export interface ResolvedString {
  readonly value: string;
  /** The literal itself: the argument, or the initializer of the constant the argument names. */
  readonly node: ts.StringLiteral | ts.NoSubstitutionTemplateLiteral;
}

/** One call of a `Microsoft.Omnichannel` / `Microsoft.Apm` member, however it was reached. */
export interface ApiCall {
  readonly namespace: ApiNamespace;
  /** The member name as written (may be misspelt: `method` is then undefined). */
  readonly member: string;
  /** The catalogue entry, when the member exists. */
  readonly method: MethodInfo | undefined;
  readonly node: ts.CallExpression;
  /**
   * The node that names the member: the property name (`linkToConversation` in `oc.linkToConversation`),
   * the string in `Microsoft.Omnichannel["linkToConversation"]`, or for a destructured function the
   * property name in the binding pattern (then it lies outside `node`).
   */
  readonly memberNode: ts.Node;
  readonly args: readonly ts.Expression[];
  /** The string a literal argument (or a same-file constant it names) holds; undefined when unknown. */
  resolveString(expr: ts.Expression): ResolvedString | undefined;
}

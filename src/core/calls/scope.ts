/**
 * Lexical scopes, just enough to tell what a name stands for: an alias of the API (`const oc =
 * Microsoft.Omnichannel`), a destructured member, a string constant, or something else that shadows them.
 * Declarations are recorded during the one walk and resolved afterwards, so hoisting needs no second pass.
 */
import type * as ts from 'typescript';

/** What a declared name was initialised with: an expression and, for destructuring, the property path. */
export interface ValueBinding {
  readonly kind: 'value';
  readonly init: ts.Expression;
  /** Property names to follow from `init` (`const { Omnichannel: { linkToConversation } } = Microsoft`). */
  readonly path: readonly PathStep[];
  readonly isConst: boolean;
  /** The scope the initializer is evaluated in. */
  readonly scope: Scope;
}

export interface PathStep {
  readonly name: string;
  readonly node: ts.Node;
}

/** A parameter, function, class, import or pattern element whose value is unknown: it only shadows. */
export const OPAQUE = { kind: 'opaque' } as const;

export type Binding = ValueBinding | typeof OPAQUE;

export class Scope {
  private vars: Map<string, Binding> | undefined;
  readonly functionScope: Scope;

  constructor(readonly parent: Scope | undefined, isFunction: boolean) {
    this.functionScope = isFunction || !parent ? this : parent.functionScope;
  }

  declare(name: string, binding: Binding): void {
    (this.vars ??= new Map()).set(name, binding);
  }

  lookup(name: string): Binding | undefined {
    for (let s: Scope | undefined = this; s; s = s.parent) {
      const found = s.vars?.get(name);
      if (found) return found;
    }
    return undefined;
  }
}

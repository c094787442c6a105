/** The shapes of the API catalogue: plain data, read by completion, hover, signature help, rules, snippets and typings. */

/** The kind of value a parameter takes, as far as a literal in source can show it. */
export type ParamType = 'string' | 'guid' | 'entityName' | 'boolean' | 'number' | 'object' | 'function' | 'string[]' | 'number[]' | 'string|object';

export interface ParameterInfo {
  readonly name: string;
  readonly type: ParamType;
  /** TypeScript-like type text shown in signatures, e.g. `string`. */
  readonly typeText: string;
  readonly optional: boolean;
  /** Markdown, our own words. */
  readonly doc: string;
}

export interface MethodInfo {
  /** `Microsoft.Omnichannel` or `Microsoft.Apm`, ... */
  readonly namespace: string;
  readonly name: string;
  readonly parameters: readonly ParameterInfo[];
  /** TypeScript-like return type text, e.g. `Promise<LinkResult>`. */
  readonly returns: string;
  /** Whether the method returns a promise whose rejection must be handled. */
  readonly returnsPromise: boolean;
  /**
   * For a method that returns a promise: its usual failure, as the clause a message puts in brackets
   * (`for example when the conversation is not active`).
   */
  readonly failure?: string;
  /** One-line summary (completion detail). */
  readonly summary: string;
  /** Markdown, our own words: what it does, what to watch out for. */
  readonly doc: string;
  /** A short example call, shown in hover. */
  readonly example?: string;
  /** A preview API: it may change before it is generally available. */
  readonly preview?: boolean;
}

export interface EntityInfo {
  /** The exact logical name the API accepts. */
  readonly logicalName: 'account' | 'contact' | 'incident';
  readonly displayName: string;
  /** Entity set used in Web API `@odata.bind` paths. */
  readonly entitySet: string;
  /** Which of the conversation's two link slots it fills. */
  readonly slot: 'customer' | 'case';
  readonly doc: string;
  /** Names people write by mistake that mean this entity (lower-cased, compared case-insensitively). */
  readonly aliases: readonly string[];
}

/**
 * A call pattern that refreshes the UI. `path` is the dotted callee with `()` marking an intermediate
 * call and `*` any single member name, e.g. `Microsoft.Apm.getFocusedSession().getFocusedTab().refresh`.
 */
export interface RefreshPattern {
  readonly path: string;
  readonly doc: string;
}

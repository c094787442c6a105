/** Where the rules are documented, stated once: the server, the CLI and the ESLint plugin all link here. */
import type { RuleMeta } from './types';

/** The product's home page; its README has a section per rule, marked `<a id="rule-<docs>">`. */
export const DOCS_HOME = 'https://github.com/omnichannel-tools/omnichannel-tools';

/** The address of a rule's section in the README. */
export function ruleDocsUrl(meta: Pick<RuleMeta, 'docs'>): string {
  return `${DOCS_HOME}#rule-${meta.docs}`;
}

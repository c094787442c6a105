/**
 * The CLI's name, version and home page, read from the nearest package.json above this module (the
 * repository's while it lives here, its own package's once published), so a report names the release
 * that made it. A rule's help link is the home page with the anchor the core's rule table gives.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

export const TOOL_NAME = 'omnichannel-lint';

export interface Product {
  readonly version: string;
  /** The project's home page (the repository), where the README documents every rule. */
  readonly informationUri: string;
}

let cached: Product | undefined;

export function product(): Product {
  cached ??= readProduct(__dirname);
  return cached;
}

export function ruleHelpUri(docsAnchor: string): string {
  return `${product().informationUri}#${docsAnchor}`;
}

function readProduct(from: string): Product {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (existsSync(file)) {
      let manifest: { version?: unknown; repository?: unknown } = {};
      try {
        manifest = JSON.parse(readFileSync(file, 'utf8')) as typeof manifest;
      } catch {
        // an unreadable manifest costs the report its version, not the run
      }
      return { version: typeof manifest.version === 'string' ? manifest.version : '0.0.0', informationUri: homeOf(manifest.repository) };
    }
    if (path.dirname(dir) === dir) return { version: '0.0.0', informationUri: FALLBACK_HOME };
  }
}

const FALLBACK_HOME = 'https://github.com/omnichannel-tools/omnichannel-tools';

/** `git+https://github.com/o/r.git` (or `{ url }`) → `https://github.com/o/r`. */
function homeOf(repository: unknown): string {
  const url = typeof repository === 'string' ? repository : (repository as { url?: unknown } | undefined)?.url;
  if (typeof url !== 'string') return FALLBACK_HOME;
  const home = url.replace(/^git\+/, '').replace(/\.git$/, '').replace(/^git:\/\//, 'https://');
  return /^https:\/\//.test(home) ? home : FALLBACK_HOME;
}

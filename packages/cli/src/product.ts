/**
 * The CLI's name, version and home page: the version from the nearest package.json above this module (its
 * own package's once installed), so a report names the release that made it; the home page and each rule's
 * help link from the core, which states them once.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { DOCS_HOME, ruleDocsUrl } from './core';

export const TOOL_NAME = 'omnichannel-lint';

export interface Product {
  readonly version: string;
  /** The project's home page (the repository), where the README documents every rule. */
  readonly informationUri: string;
}

let cached: Product | undefined;

export function product(): Product {
  cached ??= { version: readVersion(__dirname), informationUri: DOCS_HOME };
  return cached;
}

export function ruleHelpUri(docsAnchor: string): string {
  return ruleDocsUrl({ docs: docsAnchor });
}

function readVersion(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (existsSync(file)) {
      try {
        const manifest = JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown };
        return typeof manifest.version === 'string' ? manifest.version : '0.0.0';
      } catch {
        return '0.0.0'; // an unreadable manifest costs the report its version, not the run
      }
    }
    if (path.dirname(dir) === dir) return '0.0.0';
  }
}

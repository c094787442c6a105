/**
 * The plugin's name and version, read from its own package.json (always shipped), and the address of each
 * rule's documentation, which the core states once.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ruleDocsUrl, type Rule } from '@omnichannel-tools/core';

interface Manifest {
  readonly name: string;
  readonly version: string;
  readonly repository: { readonly url: string };
}

// out/src/package-info.js → the package root.
const manifest = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as Manifest;

export const PLUGIN_NAME = manifest.name;
export const PLUGIN_VERSION = manifest.version;

/** The README section of a rule (the core states the address). */
export function docsUrl(rule: Rule): string {
  return ruleDocsUrl(rule.meta);
}

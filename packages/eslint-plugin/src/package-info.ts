/**
 * The plugin's name, version and the address of each rule's documentation, read from its own package.json
 * (always shipped), so the repository address lives in one place per package and the anchor comes from the
 * core's rule facts (`meta.docs`).
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Rule } from '@omnichannel-tools/core';

interface Manifest {
  readonly name: string;
  readonly version: string;
  readonly repository: { readonly url: string };
}

// out/src/package-info.js → the package root.
const manifest = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as Manifest;

export const PLUGIN_NAME = manifest.name;
export const PLUGIN_VERSION = manifest.version;

/** The repository's web address: `git+https://…/x.git` → `https://…/x`. */
const REPOSITORY = manifest.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');

/** The README section of a rule; the README marks each with `<a id="rule-<docs>">`. */
export function docsUrl(rule: Rule): string {
  return `${REPOSITORY}#rule-${rule.meta.docs}`;
}

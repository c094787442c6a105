/**
 * "Use the Omnichannel type definitions": on a hand-written ambient `Microsoft` declaration
 * (`declare const Microsoft: any;` and the like), a quick fix that removes it and references
 * `@omnichannel-tools/types` at the top of the file. The core finds the declarations; offering the fix is
 * the server's call, and only when the package resolves from the file's folder as TypeScript would
 * resolve it (a `node_modules/@omnichannel-tools/types` in the folder or one above it): a reference to a
 * package that is not installed would replace a loose type with a compile error.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CodeActionKind, type CodeAction, type Range } from 'vscode-languageserver/node';
import { ambientMicrosoftDeclarations, type TextEdit } from '@omnichannel-tools/core';
import type { OpenDocument } from '../documents';
import { rangesTouch, toRange } from '../convert';

export const TYPES_PACKAGE = '@omnichannel-tools/types';
export const USE_TYPE_DEFINITIONS_TITLE = 'Use the Omnichannel type definitions (@omnichannel-tools/types)';

/** Where the types package is installed, seen from a folder; undefined when it does not resolve from there. */
export type TypesResolver = (folder: string) => string | undefined;

/** Node's lookup, as TypeScript does it for `types` and `/// <reference types>`: `node_modules/<name>` in the folder and each one above. */
export const resolveFromNodeModules: TypesResolver = folder => {
  for (let dir = folder; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', ...TYPES_PACKAGE.split('/'));
    if (existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
};

/** The quick fix for the declarations in (or touching) `range`; none when the package is not installed for this file. */
export function typeDefinitionActions(entry: OpenDocument, range: Range, resolve: TypesResolver, makeEdit: (edits: readonly TextEdit[]) => CodeAction['edit']): CodeAction[] {
  const found = ambientMicrosoftDeclarations(entry.doc.sourceFile, TYPES_PACKAGE);
  const touched = found.declarations.filter(d => rangesTouch(toRange(entry.doc, d), range));
  if (touched.length === 0) return [];
  const folder = folderOf(entry.uri);
  if (folder === undefined || resolve(folder) === undefined) return [];
  // Every such declaration in the file goes: one left behind would still collide with the package.
  const edits: TextEdit[] = found.declarations.map(d => ({ start: d.removeStart, end: d.removeEnd, newText: '' }));
  if (found.referenceAt !== undefined) {
    edits.unshift({ start: found.referenceAt, end: found.referenceAt, newText: `/// <reference types="${TYPES_PACKAGE}" />\n` });
  }
  return [{ title: USE_TYPE_DEFINITIONS_TITLE, kind: CodeActionKind.QuickFix, edit: makeEdit(edits) }];
}

/** The folder of a `file:` document; other schemes (untitled, virtual file systems) have no node_modules to look in. */
function folderOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return path.dirname(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}

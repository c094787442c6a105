/**
 * Whole-workspace diagnostics (opt-in, `omnichannel.diagnostics.workspace`): every source file of each
 * workspace folder that is not open is read from disk and analysed in the background, and its findings
 * are published like an open file's, so the Problems list covers the whole project. The files are the
 * ones `omnichannel-lint <folder>` lints (the core's walker: `node_modules` and `.git` skipped).
 *
 * Pushed, not pulled: an open file's diagnostics are pushed already, and a pulled workspace report in the
 * same editor would list each open file's findings twice. One file is analysed per turn of the event loop,
 * so editor requests are answered in between; a new scan (a setting or the folders changed) stops the old.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { analyze, OmnichannelDocument } from '@omnichannel-tools/core';
import { expandPatterns, isSource, readSource } from '@omnichannel-tools/core/files';
import { FileChangeType, type DidChangeWatchedFilesParams } from 'vscode-languageserver/node';
import type { ServerContext } from '../context';
import { toDiagnostic } from '../convert';
import { describeError } from '../guard';

export interface WorkspaceDiagnostics {
  /** Scans every folder again (after `initialized` or a configuration change); stops a scan under way. */
  rescan(): void;
}

export function registerWorkspaceDiagnostics(ctx: ServerContext): WorkspaceDiagnostics {
  /** Unopened files whose findings this feature published, by URI. */
  const published = new Set<string>();
  let generation = 0;

  const enabledFor = async (uri: string): Promise<boolean> => (await ctx.settings.get(uri)).workspaceDiagnostics;

  /** Publishes one unopened file's findings (an empty list clears them). */
  const publishFile = async (file: string, isCurrent: () => boolean): Promise<void> => {
    const uri = pathToFileURL(file).href;
    if (ctx.documents.get(uri)) return; // open: the editor's text is the truth, published by diagnostics.ts
    const settings = await ctx.settings.get(uri);
    const read = readSource(file, settings.analyzer.maxFileSize);
    if (!isCurrent() || ctx.documents.get(uri)) return;
    if (!read.ok) {
      // Gone, unreadable or too large: nothing to show for it (the CLI reports these; Problems has no row for them).
      if (published.delete(uri)) await ctx.connection.sendDiagnostics({ uri, diagnostics: [] });
      return;
    }
    const doc = new OmnichannelDocument(file, read.source.text);
    const findings = analyze(doc, settings.analyzer).findings;
    published.add(uri);
    await ctx.connection.sendDiagnostics({ uri, diagnostics: findings.map(f => toDiagnostic(doc, f)) });
  };

  const clearAll = async (keep: ReadonlySet<string> = new Set()): Promise<void> => {
    for (const uri of [...published]) {
      if (keep.has(uri)) continue;
      published.delete(uri);
      if (!ctx.documents.get(uri)) await ctx.connection.sendDiagnostics({ uri, diagnostics: [] });
    }
  };

  const scan = async (): Promise<void> => {
    const mine = ++generation;
    const isCurrent = (): boolean => mine === generation;
    const seen = new Set<string>();
    for (const folder of ctx.workspaceFolders) {
      if (!folder.startsWith('file:')) continue;
      if (!(await enabledFor(folder)) || !isCurrent()) continue;
      const files = expandPatterns([fileURLToPath(folder)], fileURLToPath(folder)).files;
      for (const file of files) {
        await yieldToRequests();
        if (!isCurrent()) return;
        seen.add(pathToFileURL(file).href);
        try {
          await publishFile(file, isCurrent);
        } catch (error) {
          ctx.log.error(`Workspace diagnostics for ${file} failed: ${describeError(error)}`);
        }
      }
    }
    if (isCurrent()) await clearAll(seen);
  };

  const rescan = (): void => {
    scan().catch(error => ctx.log.error(`Workspace diagnostics failed: ${describeError(error)}`));
  };

  // A file closed in the editor goes back to its text on disk (diagnostics.ts cleared the open one's).
  ctx.documents.onDidClose(uri => {
    if (!uri.startsWith('file:') || !inWorkspace(ctx, uri)) return;
    void enabledFor(uri).then(on => (on ? publishFile(fileURLToPath(uri), () => true) : undefined)).catch(error => ctx.log.error(`Workspace diagnostics for ${uri} failed: ${describeError(error)}`));
  });

  // Files changed on disk outside the editor (a checkout, a formatter): the editor's file watcher tells us.
  ctx.connection.onDidChangeWatchedFiles((params: DidChangeWatchedFilesParams) => {
    void (async () => {
      for (const change of params.changes) {
        if (!change.uri.startsWith('file:') || !inWorkspace(ctx, change.uri) || !isSource(fileURLToPath(change.uri))) continue;
        if (change.type === FileChangeType.Deleted) {
          if (published.delete(change.uri) && !ctx.documents.get(change.uri)) await ctx.connection.sendDiagnostics({ uri: change.uri, diagnostics: [] });
        } else if (await enabledFor(change.uri)) {
          await publishFile(fileURLToPath(change.uri), () => true);
        }
      }
    })().catch(error => ctx.log.error(`Workspace diagnostics after a file change failed: ${describeError(error)}`));
  });

  return { rescan };
}

function inWorkspace(ctx: ServerContext, uri: string): boolean {
  return ctx.workspaceFolders.some(folder => uri.startsWith(folder.endsWith('/') ? folder : folder + '/'));
}

/** Lets pending messages (completion, hover, edits) run before the next file. */
function yieldToRequests(): Promise<void> {
  return new Promise(resolve => setImmediate(resolve));
}

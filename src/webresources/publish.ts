/**
 * Publishing and pulling web resources, without VS Code: every question goes through `WebResourcePrompts`
 * and every remembered version through `VersionMemory`, so the whole flow runs in tests against the Web
 * API stand-in over real HTTP.
 *
 * Publishing one or more files:
 * 1. Production environments confirm once, before anything is read.
 * 2. Each file: read the environment's copy by name. Missing → offer to create it (type 3, in the mapped
 *    solution). Present → if it changed since the version last pulled or published here, the person
 *    decides (three-way: local, last known, environment); identical content is not written; a single file
 *    shows the environment copy against the local one and asks.
 * 3. `PATCH` with `If-Match: <etag read>`: a 412 means someone wrote in between, reported as a conflict,
 *    nothing written. An answer that never came (timeout, lost connection, 5xx) is read back first:
 *    applied → fine; not applied → one retry after a lost connection or 5xx (If-Match keeps it from
 *    overwriting anything newer); after a timeout no retry, "not confirmed".
 * 4. One `PublishXml` for every file written (one for the batch): publishing is idempotent, so an
 *    ambiguous publish is sent once more.
 * 5. Each written file is read back; its content must equal the local bytes. The version is remembered.
 * One file's failure never stops the others.
 */
import { createHash } from 'node:crypto';
import type { CallOptions } from '../backends/types';
import { DataverseFailure } from '../backends/dataverse/failure';
import { JAVASCRIPT_TYPE, WebResourceError, toWebResourceError, type WebResourceRow, type WebResourceErrorCode } from '../backends/dataverse/webresources';
import { productionQuestion } from '../client/link/outcome-text';
import type { WebResourceMapping } from './mapping';

/** What the flow needs of an environment (`WebResourceApi` is one). */
export interface WebResourceEndpoint {
  readonly environmentName: string;
  find(name: string, call?: CallOptions): Promise<WebResourceRow | undefined>;
  get(id: string, call?: CallOptions): Promise<WebResourceRow>;
  update(id: string, content: Uint8Array, etag: string, call?: CallOptions): Promise<void>;
  create(name: string, displayName: string, content: Uint8Array, solution: string | undefined, call?: CallOptions): Promise<string | undefined>;
  publish(ids: readonly string[], call?: CallOptions): Promise<void>;
}

/** The version of a web resource last pulled or published from here. */
export interface KnownVersion {
  readonly etag: string;
  readonly modifiedOn: string;
  /** SHA-256 (hex) of the content at that version. */
  readonly sha256: string;
  readonly action: 'pulled' | 'published';
  /** ISO time of the pull or publish. */
  readonly at: string;
}

/** Remembered versions of one environment, keyed by web resource name (case-insensitive). */
export interface VersionMemory {
  get(name: string): KnownVersion | undefined;
  /** The content at the known version, when it was kept. */
  content(name: string): Promise<Uint8Array | undefined>;
  remember(name: string, version: KnownVersion, content: Uint8Array): Promise<void>;
}

/** A local file to publish. */
export interface PublishTarget {
  /** How the file is named in sentences (workspace-relative path). */
  readonly label: string;
  readonly mapping: WebResourceMapping;
  readonly content: Uint8Array;
}

export interface ConflictSituation {
  readonly target: PublishTarget;
  readonly environmentName: string;
  readonly known: KnownVersion;
  /** The content last pulled or published, when kept. */
  readonly base: Uint8Array | undefined;
  readonly current: WebResourceRow;
  /** One sentence: what changed, when, by whom. */
  readonly message: string;
}

export interface WebResourcePrompts {
  /** A modal question for production environments; true to go on. */
  confirmProduction(question: string): Promise<boolean>;
  /** No web resource of that name: create it? */
  confirmCreate(target: PublishTarget, environmentName: string, solution: string | undefined): Promise<boolean>;
  /** Single-file publish: the environment's copy against the local one; true to publish. */
  confirmChanges(target: PublishTarget, environment: WebResourceRow, environmentName: string): Promise<boolean>;
  /** The environment's copy changed since the last pull or publish from here. */
  resolveConflict(situation: ConflictSituation): Promise<'overwrite' | 'skip'>;
}

export type PublishResult =
  | { readonly status: 'published'; readonly target: PublishTarget; readonly id: string; readonly created: boolean; readonly message: string }
  | { readonly status: 'unchanged'; readonly target: PublishTarget; readonly id: string; readonly message: string }
  /** `conflict`: the environment's copy changed since the last pull or publish here, and the person did not overwrite it. */
  | { readonly status: 'skipped'; readonly target: PublishTarget; readonly message: string; readonly conflict?: true }
  | { readonly status: 'failed'; readonly target: PublishTarget; readonly code: WebResourceErrorCode; readonly message: string };

export interface PublishOptions extends CallOptions {
  /** Production environments ask first. */
  readonly production: boolean;
  /** Ask with a diff before writing each file (single-file publish); a batch was confirmed as a whole. */
  readonly confirmEach: boolean;
  /** Called once per file as soon as its outcome is known (progress). */
  readonly onResult?: (result: PublishResult) => void;
  /** Called before each file is read. */
  readonly onFile?: (target: PublishTarget, index: number, total: number) => void;
  /** One PublishXml per file instead of one for the batch (`omnichannel.webResources.publishXml`: `perFile`). */
  readonly publishPerFile?: boolean;
}

export interface PublishDeps {
  readonly endpoint: WebResourceEndpoint;
  readonly prompts: WebResourcePrompts;
  readonly memory: VersionMemory;
  readonly log?: (line: string) => void;
  /** Clock for remembered versions (tests). */
  readonly now?: () => Date;
}

export function sha256(content: Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.from(a).equals(Buffer.from(b));
}

interface Saved {
  readonly target: PublishTarget;
  readonly id: string;
  readonly created: boolean;
}

/** Publishes files to one environment; one result per target, in order. Never throws for one file's failure. */
export async function publishWebResources(deps: PublishDeps, targets: readonly PublishTarget[], options: PublishOptions): Promise<PublishResult[]> {
  const env = deps.endpoint.environmentName;
  const results = new Map<PublishTarget, PublishResult>();
  const settle = (result: PublishResult): void => {
    results.set(result.target, result);
    deps.log?.(`${result.target.label} → ${result.target.mapping.name} in ${env}: ${result.status}: ${result.message}`);
    options.onResult?.(result);
  };
  const call: CallOptions = { ...(options.signal ? { signal: options.signal } : {}), ...(options.onProgress ? { onProgress: options.onProgress } : {}) };
  if (options.production && targets.length > 0) {
    const what = targets.length === 1 ? `publish web resource ${targets[0].mapping.name}` : `publish ${targets.length} web resources (${targets.map(t => t.mapping.name).join(', ')})`;
    if (!(await deps.prompts.confirmProduction(productionQuestion(env, what)))) {
      for (const target of targets) settle({ status: 'skipped', target, message: `Not published: the publish to production environment ${env} was not confirmed.` });
      return targets.map(t => results.get(t) as PublishResult);
    }
  }
  const saved: Saved[] = [];
  for (const [index, target] of targets.entries()) {
    if (options.signal?.aborted) {
      settle({ status: 'skipped', target, message: `Cancelled before ${target.mapping.name} was read: nothing written.` });
      continue;
    }
    options.onFile?.(target, index, targets.length);
    try {
      const outcome = await save(deps, target, options, call);
      if ('status' in outcome) settle(outcome);
      else saved.push(outcome);
    } catch (error) {
      settle(failed(target, error, env, `publish ${target.mapping.name}`));
    }
  }
  if (options.publishPerFile) {
    for (const item of saved) await publishAndConfirm(deps, [item], call, settle);
  } else if (saved.length > 0) {
    await publishAndConfirm(deps, saved, call, settle);
  }
  return targets.map(t => results.get(t) as PublishResult);
}

/** Step 2 and 3 for one file: a written (or created) web resource, or its final result. */
async function save(deps: PublishDeps, target: PublishTarget, options: PublishOptions, call: CallOptions): Promise<Saved | PublishResult> {
  const { endpoint, prompts, memory } = deps;
  const env = endpoint.environmentName;
  const name = target.mapping.name;
  const row = await endpoint.find(name, call);
  if (!row) {
    const solution = target.mapping.solution;
    if (!(await prompts.confirmCreate(target, env, solution))) {
      return { status: 'skipped', target, message: `Not published: ${name} does not exist in ${env} and was not created.` };
    }
    const id = await create(deps, target, call);
    return { target, id, created: true };
  }
  if (row.type !== JAVASCRIPT_TYPE) {
    return { status: 'failed', target, code: 'failed', message: `${name} in ${env} is not a JavaScript web resource (its type is ${row.type}), so ${target.label} was not published to it. Check the name in .omnichannel/webresources.json.` };
  }
  if (sameBytes(row.content, target.content)) {
    await memory.remember(name, version(deps, row, 'published'), target.content);
    return { status: 'unchanged', target, id: row.id, message: `${name} in ${env} already has the content of ${target.label}: nothing written.` };
  }
  const known = memory.get(name);
  const changedSince = known !== undefined && known.etag !== row.etag && known.sha256 !== sha256(row.content);
  if (changedSince) {
    const situation: ConflictSituation = { target, environmentName: env, known, base: await memory.content(name), current: row, message: conflictMessage(name, env, known, row) };
    if ((await prompts.resolveConflict(situation)) !== 'overwrite') {
      return { status: 'skipped', target, conflict: true, message: `Not published: ${situation.message} Nothing was written; pull it or compare before publishing.` };
    }
  } else if (options.confirmEach && !(await prompts.confirmChanges(target, row, env))) {
    return { status: 'skipped', target, message: `Not published: the changes to ${name} were not confirmed.` };
  }
  await update(deps, target, row, call);
  return { target, id: row.id, created: false };
}

/** The sentence of a conflict: the environment's copy changed since the last pull or publish from here. */
export function conflictMessage(name: string, env: string, known: KnownVersion, current: WebResourceRow): string {
  const by = current.modifiedBy ? ` by ${current.modifiedBy}` : '';
  const when = current.modifiedOn ? ` on ${current.modifiedOn}` : '';
  return `${name} was changed in ${env}${by}${when}, after you last ${known.action === 'pulled' ? 'pulled' : 'published'} it (${known.at}).`;
}

async function update(deps: PublishDeps, target: PublishTarget, row: WebResourceRow, call: CallOptions): Promise<void> {
  const { endpoint } = deps;
  const env = endpoint.environmentName;
  const name = target.mapping.name;
  for (let attempt = 1; ; attempt++) {
    try {
      await endpoint.update(row.id, target.content, row.etag, call);
      return;
    } catch (error) {
      if (error instanceof DataverseFailure && error.kind === 'http' && error.status === 412) {
        throw new WebResourceError('conflict', `${name} was changed in ${env} by someone else between reading it and writing it (HTTP 412 on If-Match): nothing was written and ${target.label} is unchanged. Publish again to see their change.`);
      }
      if (!(error instanceof DataverseFailure) || !error.ambiguous) throw toWebResourceError(error, env, `update ${name}`);
      // The write may have landed: read back before anything is sent again.
      const readCall = error.kind === 'cancelled' ? {} : call;
      let now: WebResourceRow;
      try {
        now = await endpoint.get(row.id, readCall);
      } catch {
        throw new WebResourceError('not-confirmed', `${toWebResourceError(error, env, `update ${name}`).message} Reading it back failed too, so whether it was written is unknown: check ${name} in ${env} before publishing again.`);
      }
      if (sameBytes(now.content, target.content)) return;
      if (now.etag !== row.etag) {
        throw new WebResourceError('conflict', `${name} was changed in ${env} by someone else while the update was on its way: it was not written. Publish again to see their change.`);
      }
      if (error.kind === 'timeout') {
        throw new WebResourceError('not-confirmed', `${toWebResourceError(error, env, `update ${name}`).message} Reading it back does not show the new content, but a request the server is still processing may land later: check ${name} in ${env} before publishing again.`);
      }
      if (error.kind === 'cancelled' || attempt >= 2) {
        throw new WebResourceError(error.kind === 'cancelled' ? 'cancelled' : 'failed', `${toWebResourceError(error, env, `update ${name}`).message} Reading it back shows it was not written.`);
      }
      // Not applied and unchanged since: one more try, still guarded by the same If-Match.
    }
  }
}

async function create(deps: PublishDeps, target: PublishTarget, call: CallOptions): Promise<string> {
  const { endpoint } = deps;
  const env = endpoint.environmentName;
  const { name, solution } = target.mapping;
  const displayName = target.mapping.displayName ?? target.label.split('/').pop() ?? name;
  for (let attempt = 1; ; attempt++) {
    try {
      const id = await endpoint.create(name, displayName, target.content, solution, call);
      if (id) return id;
      const row = await endpoint.find(name, call);
      if (row) return row.id;
      throw new WebResourceError('failed', `${env} accepted the new web resource ${name}, but it cannot be found by its name.`);
    } catch (error) {
      if (error instanceof WebResourceError) throw error;
      if (!(error instanceof DataverseFailure) || !error.ambiguous) throw toWebResourceError(error, env, `create ${name}${solution ? ` in solution ${solution}` : ''}`);
      const existing = await endpoint.find(name, error.kind === 'cancelled' ? {} : call).catch(() => undefined);
      if (existing && sameBytes(existing.content, target.content)) return existing.id;
      if (existing || error.kind === 'timeout' || error.kind === 'cancelled' || attempt >= 2) {
        throw new WebResourceError(error.kind === 'timeout' ? 'not-confirmed' : 'failed', `${toWebResourceError(error, env, `create ${name}`).message} Check whether ${name} exists in ${env} before publishing again.`);
      }
    }
  }
}

/** Step 4 and 5: one PublishXml for everything written, then each read back and remembered. */
async function publishAndConfirm(deps: PublishDeps, saved: readonly Saved[], call: CallOptions, settle: (result: PublishResult) => void): Promise<void> {
  const { endpoint, memory } = deps;
  const env = endpoint.environmentName;
  const ids = saved.map(s => s.id);
  let publishError: unknown;
  for (let attempt = 1; attempt <= 2; attempt++) {
    try {
      await endpoint.publish(ids, call);
      publishError = undefined;
      break;
    } catch (error) {
      publishError = error;
      // PublishXml is idempotent: an unanswered one is simply sent again, once.
      if (!(error instanceof DataverseFailure && error.ambiguous && error.kind !== 'cancelled')) break;
    }
  }
  for (const item of saved) {
    const name = item.target.mapping.name;
    const written = item.created ? `created ${name}` : `saved ${name}`;
    if (publishError !== undefined) {
      const reason = toWebResourceError(publishError, env, 'publish').message;
      settle({ status: 'failed', target: item.target, code: 'failed', message: `${env} ${written}, but publishing it failed: ${reason} Publish again, or publish customizations in ${env}.` });
      continue;
    }
    try {
      const row = await endpoint.get(item.id, call);
      if (!sameBytes(row.content, item.target.content)) {
        settle({ status: 'failed', target: item.target, code: 'conflict', message: `${env} ${written} and published it, but reading it back shows other content: someone may have changed it at the same time. Pull it to compare.` });
        continue;
      }
      await memory.remember(name, version(deps, row, 'published'), item.target.content);
      settle({ status: 'published', target: item.target, id: item.id, created: item.created, message: `${item.created ? 'Created and published' : 'Published'} ${name} in ${env} (read back: same content as ${item.target.label}).` });
    } catch (error) {
      settle({ status: 'failed', target: item.target, code: 'not-confirmed', message: `${env} ${written} and published it, but reading it back failed: ${toWebResourceError(error, env, `read ${name}`).message}` });
    }
  }
}

function version(deps: PublishDeps, row: WebResourceRow, action: KnownVersion['action']): KnownVersion {
  return { etag: row.etag, modifiedOn: row.modifiedOn, sha256: sha256(row.content), action, at: (deps.now?.() ?? new Date()).toISOString() };
}

function failed(target: PublishTarget, error: unknown, env: string, action: string): PublishResult {
  const e = toWebResourceError(error, env, action);
  return e.code === 'cancelled' ? { status: 'skipped', target, message: e.message } : { status: 'failed', target, code: e.code, message: e.message };
}

// ---------------------------------------------------------------------------------------------------
// Pull

export interface PullPrompts {
  /** The environment's copy against the local one; true to replace the local text. */
  confirmPull(environment: WebResourceRow, local: Uint8Array | undefined): Promise<boolean>;
}

export type PullResult =
  | { readonly status: 'pulled'; readonly content: Buffer; readonly row: WebResourceRow; readonly message: string }
  | { readonly status: 'unchanged'; readonly message: string }
  | { readonly status: 'skipped'; readonly message: string }
  | { readonly status: 'failed'; readonly code: WebResourceErrorCode; readonly message: string };

/**
 * Reads the environment's copy and, once confirmed, hands back its content for the caller to put in the
 * file or editor (then `rememberPulled`). Identical content only records the version.
 */
export async function pullWebResource(deps: Pick<PublishDeps, 'endpoint' | 'memory' | 'now'>, mapping: WebResourceMapping, local: Uint8Array | undefined, prompts: PullPrompts, call: CallOptions = {}): Promise<PullResult> {
  const env = deps.endpoint.environmentName;
  try {
    const row = await deps.endpoint.find(mapping.name, call);
    if (!row) return { status: 'failed', code: 'not-found', message: `${mapping.name} does not exist in ${env}: nothing to pull. Publish ${mapping.file} to create it.` };
    if (local !== undefined && sameBytes(row.content, local)) {
      await deps.memory.remember(mapping.name, version(deps as PublishDeps, row, 'pulled'), row.content);
      return { status: 'unchanged', message: `${mapping.file} already has the content of ${mapping.name} in ${env}.` };
    }
    if (!(await prompts.confirmPull(row, local))) return { status: 'skipped', message: `Not pulled: ${mapping.file} was left as it is.` };
    return { status: 'pulled', content: row.content, row, message: `Pulled ${mapping.name} from ${env} into ${mapping.file}.` };
  } catch (error) {
    const e = toWebResourceError(error, env, `read ${mapping.name}`);
    return { status: 'failed', code: e.code, message: e.message };
  }
}

/** After the pulled content is in place: this is now the version the next publish compares against. */
export async function rememberPulled(deps: Pick<PublishDeps, 'memory' | 'now'>, mapping: WebResourceMapping, row: WebResourceRow): Promise<void> {
  await deps.memory.remember(mapping.name, version(deps as PublishDeps, row, 'pulled'), row.content);
}

/** "Published with 1 warning: missing-ui-refresh" and the like, for the notification. */
export function lintSuffix(findings: readonly { readonly code: string; readonly severity: 'error' | 'warning' | 'info' }[]): string {
  const relevant = findings.filter(f => f.severity !== 'info');
  if (relevant.length === 0) return '';
  const errors = relevant.filter(f => f.severity === 'error').length;
  const warnings = relevant.length - errors;
  const parts = [errors ? `${errors} error${errors > 1 ? 's' : ''}` : '', warnings ? `${warnings} warning${warnings > 1 ? 's' : ''}` : ''].filter(Boolean);
  const codes = [...new Set(relevant.map(f => f.code))].join(', ');
  return ` with ${parts.join(' and ')}: ${codes}`;
}

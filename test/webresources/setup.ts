/**
 * Fixtures for the web resource tests: the Web API stand-in on 127.0.0.1 with web resources, the real
 * Dataverse client for it, an in-memory version memory, and prompts that answer as scripted and record
 * what they were asked.
 */
import { DataverseBackend, type DataverseBackendOptions } from '../../src/backends/dataverse';
import type { WebResourceRow } from '../../src/backends/dataverse/webresources';
import type { ConflictSituation, KnownVersion, PublishDeps, PublishTarget, VersionMemory, WebResourcePrompts } from '../../src/webresources/publish';
import type { WebResourceMapping } from '../../src/webresources/mapping';
import { FakeDataverse, type FakeDataverseSeed } from '../support/fake-dataverse';

export const CASE_FORM = 'new_/scripts/case-form.js';
export const HELPERS = 'new_/scripts/link-helpers.js';
export const PANEL = 'new_/scripts/conversation-panel.js';
export const CASE_FORM_ID = 'f0000000-0000-4000-8000-000000000001';

export function seed(): FakeDataverseSeed {
  return {
    webResources: [
      { id: CASE_FORM_ID, name: CASE_FORM, content: '// case form v1\n' },
      { name: HELPERS, content: '// helpers v1\n' },
      { name: PANEL, content: '// panel v1\n' },
      { name: 'new_/styles/case.css', type: 2, content: 'body {}' },
    ],
  };
}

export class MemoryVersions implements VersionMemory {
  readonly versions = new Map<string, { version: KnownVersion; content: Uint8Array }>();
  get(name: string): KnownVersion | undefined {
    return this.versions.get(name.toLowerCase())?.version;
  }
  content(name: string): Promise<Uint8Array | undefined> {
    return Promise.resolve(this.versions.get(name.toLowerCase())?.content);
  }
  remember(name: string, version: KnownVersion, content: Uint8Array): Promise<void> {
    this.versions.set(name.toLowerCase(), { version, content });
    return Promise.resolve();
  }
}

/** Prompts that answer as told and record every question. */
export class ScriptedPrompts implements WebResourcePrompts {
  production = true;
  create = true;
  changes = true;
  conflict: 'overwrite' | 'skip' = 'skip';
  readonly asked: string[] = [];
  readonly conflicts: ConflictSituation[] = [];
  readonly diffs: Array<{ environment: string; local: string }> = [];
  /** Runs while the changes question is open (someone else may write meanwhile). */
  whileAskingChanges: (() => void) | undefined;

  confirmProduction(question: string): Promise<boolean> {
    this.asked.push(`production: ${question}`);
    return Promise.resolve(this.production);
  }
  confirmCreate(target: PublishTarget, environmentName: string, solution: string | undefined): Promise<boolean> {
    this.asked.push(`create: ${target.mapping.name} in ${environmentName}${solution ? ` (${solution})` : ''}`);
    return Promise.resolve(this.create);
  }
  confirmChanges(target: PublishTarget, environment: WebResourceRow): Promise<boolean> {
    this.asked.push(`changes: ${target.mapping.name}`);
    this.diffs.push({ environment: environment.content.toString('utf8'), local: Buffer.from(target.content).toString('utf8') });
    this.whileAskingChanges?.();
    return Promise.resolve(this.changes);
  }
  resolveConflict(situation: ConflictSituation): Promise<'overwrite' | 'skip'> {
    this.asked.push(`conflict: ${situation.target.mapping.name}`);
    this.conflicts.push(situation);
    return Promise.resolve(this.conflict);
  }
}

export interface Harness {
  readonly dv: FakeDataverse;
  readonly deps: PublishDeps;
  readonly prompts: ScriptedPrompts;
  readonly memory: MemoryVersions;
}

export async function start(overrides: Partial<DataverseBackendOptions> = {}, seedData: FakeDataverseSeed = seed()): Promise<Harness> {
  const dv = await FakeDataverse.start(seedData);
  const backend = new DataverseBackend({
    name: 'Contoso Test',
    url: dv.url,
    tokenProvider: () => Promise.resolve(dv.token),
    trustedHosts: [dv.host],
    timeoutMs: 5000,
    maxRetryAfterMs: 60_000,
    conversationScope: 'mine',
    ...overrides,
  });
  const prompts = new ScriptedPrompts();
  const memory = new MemoryVersions();
  return { dv, prompts, memory, deps: { endpoint: backend.webResources(), prompts, memory } };
}

export function target(name: string, text: string, extra: Partial<WebResourceMapping> = {}): PublishTarget {
  const file = `webresources/${name.split('/').pop() ?? name}`;
  return { label: file, mapping: { file, name, ...extra }, content: Buffer.from(text, 'utf8') };
}

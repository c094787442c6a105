/**
 * `LinkBackend` for a real Dataverse environment: lists the agent's open conversations, finds records,
 * and runs link/unlink as Web API writes (see link-flow.ts for the write rules). No `vscode` import:
 * the client supplies the token provider and the user's trusted hosts.
 */
import { type ConversationSummary, type EntityLogicalName, type LinkRequest, type LinkSuccess, type RecordRef } from '../../protocol/link';
import { checkEntityName, checkGuid, linkableStatuscodes, type LinkableStatus } from '@omnichannel-tools/testing/call-rules';
import type { CallOptions, LinkBackend, RecordDirectory, RecordSummary, SearchOptions } from '../types';
import { DataverseClient, type DataverseClientOptions } from './client';
import { toLinkError } from './errors';
import { linkRecord, unlinkRecord, type LinkFlowContext } from './link-flow';
import * as q from './queries';
import { readConversation, readRecordSummary, readRecords, readRows, readUserId } from './rows';
import { DataverseFailure } from './failure';
import { WebResourceApi } from './webresources';

/** The HTTP client's options (name, url, token, hosts, timeouts, log) and what the backend adds. */
export interface DataverseBackendOptions extends DataverseClientOptions {
  /** `mine`: conversations whose active agent is the signed-in user; `all`: every open one readable. */
  readonly conversationScope: 'mine' | 'all';
  /** Which conversations accept links (default `active`, statuscode 2, as the simulator's default). */
  readonly linkableStatus?: LinkableStatus;
  /** The wait before the second read-back after a timed-out write (default 3 s). */
  readonly settleMs?: number;
}

/** List, get and find are not link calls; their errors use `linkToConversation`, the call they prepare. */
const PREPARES = 'linkToConversation' as const;
const DEFAULT_TOP = 20;

function topOf(options: { top?: number }): number {
  return options.top !== undefined && Number.isInteger(options.top) && options.top > 0 ? Math.min(options.top, 5000) : DEFAULT_TOP;
}

export class DataverseBackend implements LinkBackend, RecordDirectory {
  readonly kind = 'dataverse' as const;
  readonly name: string;
  private readonly client: DataverseClient;
  private readonly linkable: readonly number[];
  private readonly flow: LinkFlowContext;
  private userId: Promise<string> | undefined;

  constructor(private readonly options: DataverseBackendOptions) {
    this.name = options.name;
    // The options are the client's plus the backend's own, so they are handed on as they are.
    this.client = new DataverseClient(options);
    const linkableStatus = options.linkableStatus ?? 'active';
    this.linkable = linkableStatuscodes(linkableStatus);
    this.flow = { client: this.client, env: this.name, linkableStatus, read: (id, call) => this.read(id, call), ...(options.settleMs === undefined ? {} : { settleMs: options.settleMs }) };
  }

  /** Web resource requests through this environment's client (same sign-in, host policy and limits). */
  webResources(): WebResourceApi {
    return new WebResourceApi(this.client);
  }

  async listConversations(options: CallOptions = {}): Promise<ConversationSummary[]> {
    const situation = { functionName: PREPARES, env: this.name, action: 'list conversations' };
    try {
      const agent = this.options.conversationScope === 'all' ? undefined : await this.whoAmI(options);
      const response = await this.client.send(q.listConversations(agent), options);
      return readRows(response.json, this.name, 'the conversation list').map(row => readConversation(row, this.name, this.linkable));
    } catch (error) {
      throw toLinkError(error, situation);
    }
  }

  async getConversation(conversationId: string, options: CallOptions = {}): Promise<ConversationSummary> {
    const id = checkGuid(PREPARES, conversationId, 'conversationId');
    try {
      return await this.read(id, options);
    } catch (error) {
      throw toLinkError(error, { functionName: PREPARES, env: this.name, action: `read conversation ${id}`, conversationId: id, missing: 'conversation' });
    }
  }

  link(request: LinkRequest, options: CallOptions = {}): Promise<LinkSuccess> {
    return linkRecord(this.flow, request, options);
  }

  unlink(request: LinkRequest, options: CallOptions = {}): Promise<LinkSuccess> {
    return unlinkRecord(this.flow, request, options);
  }

  async findRecords(entityLogicalName: EntityLogicalName, text: string, options: CallOptions & { top?: number } = {}): Promise<RecordRef[]> {
    const entity = checkEntityName(PREPARES, entityLogicalName);
    const top = options.top !== undefined && Number.isInteger(options.top) && options.top > 0 ? Math.min(options.top, 5000) : DEFAULT_TOP;
    try {
      const response = await this.client.send(q.findRecords(entity, typeof text === 'string' ? text : '', top), options);
      return readRecords(response.json, this.name, entity);
    } catch (error) {
      throw toLinkError(error, { functionName: PREPARES, env: this.name, action: `search ${entity} records` });
    }
  }

  async searchRecords(entityLogicalName: EntityLogicalName, text: string, options: SearchOptions = {}): Promise<RecordSummary[]> {
    const entity = checkEntityName(PREPARES, entityLogicalName);
    try {
      const response = await this.client.send(q.searchRecords(entity, typeof text === 'string' ? text.trim() : '', topOf(options)), options);
      return readRows(response.json, this.name, `the ${q.RECORD_TABLES[entity].set} list`).map(row => readRecordSummary(row, this.name, entity));
    } catch (error) {
      throw toLinkError(error, { functionName: PREPARES, env: this.name, action: `search ${entity} records` });
    }
  }

  async getRecord(entityLogicalName: EntityLogicalName, id: string, options: CallOptions = {}): Promise<RecordSummary | undefined> {
    const entity = checkEntityName(PREPARES, entityLogicalName);
    const recordId = checkGuid(PREPARES, id, 'recordId');
    try {
      const response = await this.client.send(q.getRecord(entity, recordId), options);
      return readRecordSummary(response.json, this.name, entity);
    } catch (error) {
      if (error instanceof DataverseFailure && error.kind === 'http' && error.status === 404) return undefined;
      throw toLinkError(error, { functionName: PREPARES, env: this.name, action: `read ${entity} ${recordId}` });
    }
  }

  async searchConversations(text: string, options: SearchOptions = {}): Promise<ConversationSummary[]> {
    try {
      const agent = this.options.conversationScope === 'all' ? undefined : await this.whoAmI(options);
      const response = await this.client.send(q.searchConversations(agent, typeof text === 'string' ? text.trim() : '', topOf(options)), options);
      return readRows(response.json, this.name, 'the conversation list').map(row => readConversation(row, this.name, this.linkable));
    } catch (error) {
      throw toLinkError(error, { functionName: PREPARES, env: this.name, action: 'search conversations' });
    }
  }

  /** The signed-in user's systemuserid, asked once per backend (a failed ask is retried next time). */
  private whoAmI(options: CallOptions): Promise<string> {
    if (!this.userId) {
      const asking = this.client.send(q.whoAmI(), options).then(r => readUserId(r.json, this.name));
      this.userId = asking;
      asking.catch(() => {
        if (this.userId === asking) this.userId = undefined;
      });
    }
    return this.userId;
  }

  private async read(conversationId: string, options: CallOptions): Promise<ConversationSummary> {
    const response = await this.client.send(q.getConversation(conversationId), options);
    return readConversation(response.json, this.name, this.linkable);
  }
}

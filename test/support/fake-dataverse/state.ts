/**
 * The stand-in's in-memory tables: conversations (msdyn_ocliveworkitem rows), accounts, contacts,
 * incidents, and the signed-in user. Seeded per test; the routes read and change it.
 */
import { randomUUID } from 'node:crypto';
import { FakeWebResources, type FakeWebResourceSeed } from './webresources';

export type CustomerTable = 'account' | 'contact';

export interface FakeConversation {
  readonly activityid: string;
  msdyn_title?: string;
  subject?: string;
  statecode: number;
  statuscode: number;
  /** ISO time. */
  createdon: string;
  /** systemuserid of the active agent, or null (queued). */
  agentId: string | null;
  customer: { readonly table: CustomerTable; readonly id: string } | null;
  /** incidentid of the linked case, or null. */
  caseId: string | null;
}

export interface FakeRecord {
  readonly id: string;
  readonly name: string;
  /** A case's number (`ticketnumber`), e.g. `CAS-01024-Q8B2`. */
  readonly ticketnumber?: string;
  /** 0 active (default); for a case 1 resolved, 2 cancelled; for an account or contact 1 inactive. */
  readonly statecode?: number;
}

/** What a test seeds; everything is optional. */
export interface FakeDataverseSeed {
  /** The bearer token the stand-in accepts (default `test-token`). */
  readonly token?: string;
  /** The signed-in user's systemuserid (WhoAmI). */
  readonly userId?: string;
  readonly conversations?: ReadonlyArray<Partial<FakeConversation> & { activityid: string }>;
  readonly accounts?: readonly FakeRecord[];
  readonly contacts?: readonly FakeRecord[];
  readonly incidents?: readonly FakeRecord[];
  /** Web resources (see webresources.ts). */
  readonly webResources?: readonly FakeWebResourceSeed[];
}

export const DEFAULT_USER_ID = '0a0b0c0d-1111-4222-8333-444455556666';

export class FakeState {
  userId: string;
  readonly businessUnitId = randomUUID();
  readonly organizationId = randomUUID();
  readonly conversations = new Map<string, FakeConversation>();
  readonly tables: Record<'account' | 'contact' | 'incident', Map<string, FakeRecord>> = {
    account: new Map(),
    contact: new Map(),
    incident: new Map(),
  };
  readonly webResources: FakeWebResources;

  constructor(seed: FakeDataverseSeed) {
    this.userId = seed.userId ?? DEFAULT_USER_ID;
    this.webResources = new FakeWebResources(seed.webResources);
    for (const c of seed.conversations ?? []) this.putConversation(c);
    for (const r of seed.accounts ?? []) this.tables.account.set(r.id, r);
    for (const r of seed.contacts ?? []) this.tables.contact.set(r.id, r);
    for (const r of seed.incidents ?? []) this.tables.incident.set(r.id, r);
  }

  putConversation(c: Partial<FakeConversation> & { activityid: string }): FakeConversation {
    const row: FakeConversation = {
      statecode: 0,
      statuscode: 2,
      createdon: '2026-01-01T10:00:00Z',
      agentId: this.userId,
      customer: null,
      caseId: null,
      ...c,
    };
    this.conversations.set(row.activityid, row);
    return row;
  }

  nameOf(table: 'account' | 'contact' | 'incident', id: string): string | undefined {
    return this.tables[table].get(id)?.name;
  }
}

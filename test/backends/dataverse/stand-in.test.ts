/**
 * The stand-in must behave like Dataverse where the backend's safety depends on it (upsert without
 * If-Match, case-sensitive navigation properties, 401), or the backend tests would prove nothing.
 */
import * as assert from 'node:assert/strict';
import { FakeDataverse } from '../../support/fake-dataverse';
import { ACTIVE, CASE, MISSING, seed } from './setup';

describe('Dataverse stand-in', () => {
  let dv: FakeDataverse;
  beforeEach(async () => {
    dv = await FakeDataverse.start(seed());
  });
  afterEach(() => dv.close());

  const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${dv.url}/api/data/v9.2/${path}`, {
      method,
      headers: { Authorization: `Bearer ${dv.token}`, 'Content-Type': 'application/json', ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  it('PATCH without If-Match creates a missing row (upsert); with If-Match: * it answers 412', async () => {
    const bind = { 'msdyn_IssueId_msdyn_ocliveworkitem@odata.bind': `/incidents(${CASE})` };
    const guarded = await call('PATCH', `msdyn_ocliveworkitems(${MISSING})`, bind, { 'If-Match': '*' });
    assert.equal(guarded.status, 412);
    assert.equal(dv.conversation(MISSING), undefined);
    const upsert = await call('PATCH', `msdyn_ocliveworkitems(${MISSING})`, bind);
    assert.equal(upsert.status, 204);
    assert.equal(dv.conversation(MISSING)?.caseId, CASE);
  });

  it('rejects a wrong-case or unknown navigation property with 400 and a Dataverse error body', async () => {
    const wrongCase = await call('PATCH', `msdyn_ocliveworkitems(${ACTIVE})`, { 'msdyn_issueid_msdyn_ocliveworkitem@odata.bind': `/incidents(${CASE})` }, { 'If-Match': '*' });
    assert.equal(wrongCase.status, 400);
    const body = (await wrongCase.json()) as { error: { code: string; message: string } };
    assert.match(body.error.message, /undeclared property 'msdyn_issueid_msdyn_ocliveworkitem'/);
    const unknown = await call('DELETE', `msdyn_ocliveworkitems(${ACTIVE})/msdyn_case/$ref`);
    assert.equal(unknown.status, 400);
    assert.equal(dv.conversation(ACTIVE)?.caseId, null);
  });

  it('answers 404 0x80040217 for a missing bound record, and 401 without the expected bearer token', async () => {
    const missing = await call('PATCH', `msdyn_ocliveworkitems(${ACTIVE})`, { 'msdyn_IssueId_msdyn_ocliveworkitem@odata.bind': `/incidents(${MISSING})` }, { 'If-Match': '*' });
    assert.equal(missing.status, 404);
    assert.equal(((await missing.json()) as { error: { code: string } }).error.code, '0x80040217');
    const anonymous = await fetch(`${dv.url}/api/data/v9.2/WhoAmI`);
    assert.equal(anonymous.status, 401);
  });
  it('holds a request until the test releases it, then applies and answers it as usual', async () => {
    const held = dv.hold({ method: 'PATCH' });
    const bind = { 'msdyn_IssueId_msdyn_ocliveworkitem@odata.bind': `/incidents(${CASE})` };
    const answer = call('PATCH', `msdyn_ocliveworkitems(${ACTIVE})`, bind, { 'If-Match': '*' });
    const request = await held.arrived;
    assert.equal(request.status, undefined, 'not answered while held');
    assert.equal(request.applied, false, 'not applied while held');
    assert.equal((await call('GET', 'WhoAmI')).status, 200, 'other requests go on meanwhile');
    held.release();
    assert.equal((await answer).status, 204);
    assert.equal(request.applied, true);
  });
});

/**
 * A stand-in for the Dataverse Web API, for tests and benchmarks: real HTTP on 127.0.0.1, no network.
 *
 * ```ts
 * const dv = await FakeDataverse.start({ conversations: [{ activityid: CONV }], incidents: [{ id: CASE, name: 'Broken printer' }] });
 * // dv.url → 'http://127.0.0.1:<port>'; dv.host → '127.0.0.1:<port>' (for trustedHosts); dv.token → the accepted token
 * dv.inject({ kind: 'throttle', retryAfter: 1 });            // next request: 429 + Retry-After
 * dv.inject({ kind: 'status', status: 500 }, { method: 'PATCH', afterApply: true }); // write lands, answer fails
 * dv.inject({ kind: 'hang' });                                // never answers (client must time out)
 * const held = dv.hold({ method: 'PATCH' });                  // next PATCH waits: await held.arrived; held.release()
 * dv.throttle(0);                                             // every other new request: 429
 * dv.logged('PATCH'); dv.appliedWrites; dv.conversation(CONV); // what happened
 * dv.onRequest = r => { if (r.method === 'PATCH') controller.abort(); }; // react the moment a request arrives
 * await dv.close();
 * ```
 *
 * Answers: `GET WhoAmI`, `GET msdyn_ocliveworkitems` ($select, $filter with `eq`/`and` on statecode,
 * statuscode, _msdyn_activeagentid_value, activityid; $orderby createdon; $top; annotations when
 * `Prefer: odata.include-annotations` is sent), `GET msdyn_ocliveworkitems(<id>)`, `PATCH` with
 * `@odata.bind` (412 for a missing row with `If-Match: *`, upsert-create without it; unknown or
 * wrong-case navigation property → 400), `DELETE …/<nav>/$ref`, `GET accounts|contacts|incidents`
 * with `contains(name|fullname|title,'…')`, `webresourceset` and `PublishXml` (webresources.ts;
 * `dv.state.webResources` holds the rows and what was published). Errors use Dataverse's body `{"error":{"code","message"}}`;
 * a wrong or missing `Authorization: Bearer <token>` gets 401.
 */
export { FakeDataverse, API_PATH, type Fault, type FaultOptions, type HeldRequest, type LoggedRequest } from './server';
export { NAVIGATION } from './routes';
export { FakeWebResources, type FakeWebResource, type FakeWebResourceSeed } from './webresources';
export { DEFAULT_USER_ID, type FakeDataverseSeed, type FakeConversation, type FakeRecord } from './state';

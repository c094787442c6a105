import * as assert from 'node:assert/strict';
import { publishWebResources, pullWebResource, rememberPulled, lintSuffix, type PublishResult } from '../../src/webresources/publish';
import { CASE_FORM, CASE_FORM_ID, HELPERS, PANEL, start, target, type Harness } from './setup';

const single = { production: false, confirmEach: true } as const;
const batch = { production: false, confirmEach: false } as const;

function only(results: PublishResult[]): PublishResult {
  assert.equal(results.length, 1);
  return results[0];
}

describe('Publishing web resources against the Web API stand-in on 127.0.0.1', () => {
  let h: Harness;
  afterEach(() => h?.dv.close());

  it('shows the environment copy against the local one, PATCHes with If-Match, publishes that one web resource and reads it back', async () => {
    h = await start();
    const result = only(await publishWebResources(h.deps, [target(CASE_FORM, '// case form v2\n')], single));
    assert.equal(result.status, 'published', result.message);
    assert.match(result.message, /^Published new_\/scripts\/case-form\.js in Contoso Test \(read back: same content as webresources\/case-form\.js\)\.$/);
    assert.deepEqual(h.prompts.diffs, [{ environment: '// case form v1\n', local: '// case form v2\n' }]);
    const [patch] = h.dv.logged('PATCH');
    assert.equal(patch.path, `webresourceset(${CASE_FORM_ID})`);
    assert.match(String(patch.headers['if-match']), /^W\/"\d+"$/);
    assert.deepEqual(JSON.parse(patch.body), { content: Buffer.from('// case form v2\n').toString('base64') });
    assert.equal(h.dv.state.webResources.text(CASE_FORM), '// case form v2\n');
    assert.deepEqual(h.dv.state.webResources.publishes, [[CASE_FORM_ID]]);
    const publishXml = h.dv.logged('POST', 'PublishXml')[0];
    assert.equal(JSON.parse(publishXml.body).ParameterXml, `<importexportxml><webresources><webresource>{${CASE_FORM_ID}}</webresource></webresources></importexportxml>`);
    // The read-back comes after the publish.
    const order = h.dv.requests.map(r => `${r.method} ${r.path.split('(')[0]}`);
    assert.deepEqual(order, ['GET webresourceset', 'PATCH webresourceset', 'POST PublishXml', 'GET webresourceset']);
    assert.equal(h.memory.get(CASE_FORM)?.action, 'published');
  });

  it('writes nothing when the person does not confirm the diff', async () => {
    h = await start();
    h.prompts.changes = false;
    const result = only(await publishWebResources(h.deps, [target(CASE_FORM, '// v2\n')], single));
    assert.equal(result.status, 'skipped');
    assert.equal(h.dv.logged('PATCH').length, 0);
    assert.equal(h.dv.logged('POST').length, 0);
  });

  it('writes nothing when the content is already the same', async () => {
    h = await start();
    const result = only(await publishWebResources(h.deps, [target(CASE_FORM, '// case form v1\n')], single));
    assert.equal(result.status, 'unchanged');
    assert.match(result.message, /already has the content of webresources\/case-form\.js: nothing written/);
    assert.equal(h.dv.requests.length, 1, 'one GET, nothing else');
  });

  it('creates a missing web resource in the mapped solution (MSCRM.SolutionUniqueName), then publishes it', async () => {
    h = await start();
    const name = 'new_/scripts/new-form.js';
    const result = only(await publishWebResources(h.deps, [target(name, 'console.log(1);\n', { solution: 'ContosoCustomizations', displayName: 'New form' })], single));
    assert.equal(result.status, 'published', result.message);
    assert.ok(result.status === 'published' && result.created);
    assert.match(result.message, /^Created and published new_\/scripts\/new-form\.js in Contoso Test/);
    assert.deepEqual(h.prompts.asked, [`create: ${name} in Contoso Test (ContosoCustomizations)`]);
    const [post] = h.dv.logged('POST', 'webresourceset');
    assert.equal(post.headers['mscrm.solutionuniquename'], 'ContosoCustomizations');
    assert.deepEqual(JSON.parse(post.body), { name, displayname: 'New form', webresourcetype: 3, content: Buffer.from('console.log(1);\n').toString('base64') });
    const row = h.dv.state.webResources.byName(name);
    assert.equal(row?.solution, 'ContosoCustomizations');
    assert.deepEqual(h.dv.state.webResources.publishes, [[row?.id]]);
  });

  it('does not create a web resource the person did not agree to, and a solution that does not exist is named', async () => {
    h = await start();
    h.prompts.create = false;
    assert.equal(only(await publishWebResources(h.deps, [target('new_/scripts/x.js', 'x')], single)).status, 'skipped');
    assert.equal(h.dv.logged('POST').length, 0);
    h.prompts.create = true;
    const result = only(await publishWebResources(h.deps, [target('new_/scripts/x.js', 'x', { solution: 'NoSuchSolution' })], single));
    assert.equal(result.status, 'failed');
    assert.match(result.message, /Could not create new_\/scripts\/x\.js in solution NoSuchSolution: .*NoSuchSolution does not exist/);
  });

  it('asks when the environment copy changed since the last pull, showing local, last known and environment; skipping writes nothing', async () => {
    h = await start();
    const pulled = await pullWebResource(h.deps, { file: 'webresources/case-form.js', name: CASE_FORM }, Buffer.from('old local'), { confirmPull: () => Promise.resolve(true) });
    assert.equal(pulled.status, 'pulled');
    if (pulled.status === 'pulled') await rememberPulled(h.deps, { file: 'webresources/case-form.js', name: CASE_FORM }, pulled.row);
    h.dv.state.webResources.changeElsewhere(CASE_FORM, '// changed by a colleague\n', 'Dana Colleague');
    const result = only(await publishWebResources(h.deps, [target(CASE_FORM, '// mine\n')], single));
    assert.equal(result.status, 'skipped');
    assert.match(result.message, /new_\/scripts\/case-form\.js was changed in Contoso Test by Dana Colleague on .*, after you last pulled it/);
    const [conflict] = h.prompts.conflicts;
    assert.equal(Buffer.from(conflict.base ?? []).toString(), '// case form v1\n');
    assert.equal(conflict.current.content.toString(), '// changed by a colleague\n');
    assert.equal(Buffer.from(conflict.target.content).toString(), '// mine\n');
    assert.equal(h.dv.logged('PATCH').length, 0);
    assert.equal(h.dv.state.webResources.text(CASE_FORM), '// changed by a colleague\n');

    h.prompts.conflict = 'overwrite';
    assert.equal(only(await publishWebResources(h.deps, [target(CASE_FORM, '// mine\n')], single)).status, 'published');
    assert.equal(h.dv.state.webResources.text(CASE_FORM), '// mine\n');
  });

  it('a 412 on If-Match (someone wrote between our read and our write) is a conflict: nothing written, nothing published', async () => {
    h = await start();
    h.prompts.whileAskingChanges = () => h.dv.state.webResources.changeElsewhere(CASE_FORM, '// raced in\n');
    const result = only(await publishWebResources(h.deps, [target(CASE_FORM, '// mine\n')], single));
    assert.equal(result.status, 'failed');
    assert.ok(result.status === 'failed' && result.code === 'conflict');
    assert.match(result.message, /changed in Contoso Test by someone else between reading it and writing it \(HTTP 412 on If-Match\): nothing was written and webresources\/case-form\.js is unchanged/);
    assert.equal(h.dv.logged('PATCH')[0].status, 412);
    assert.equal(h.dv.state.webResources.text(CASE_FORM), '// raced in\n');
    assert.equal(h.dv.logged('POST', 'PublishXml').length, 0);
  });

  it('a batch goes on past a file that fails (a 429 beyond the allowed wait), retries a short 429, and publishes the rest with one PublishXml', async () => {
    h = await start();
    const results = await publishWebResources(h.deps, [target(CASE_FORM, '// a2\n'), target(HELPERS, '// b2\n'), target(PANEL, '// c2\n')], {
      ...batch,
      onFile: (_t, index) => {
        if (index === 1) h.dv.inject({ kind: 'throttle', retryAfter: 3600 }, { method: 'PATCH' });
        if (index === 2) h.dv.inject({ kind: 'throttle', retryAfter: 0 }, { method: 'PATCH' });
      },
    });
    assert.deepEqual(results.map(r => r.status), ['published', 'failed', 'published']);
    assert.match(results[1].message, /Could not update new_\/scripts\/link-helpers\.js: Contoso Test is throttling requests and asked to wait 60 min/);
    assert.equal(h.prompts.asked.length, 0, 'a batch asks no per-file question');
    const ids = [CASE_FORM, PANEL].map(n => h.dv.state.webResources.byName(n)?.id);
    assert.deepEqual(h.dv.state.webResources.publishes, [ids]);
    assert.equal(h.dv.state.webResources.text(HELPERS), '// helpers v1\n');
    assert.equal(h.dv.state.webResources.text(PANEL), '// c2\n');
  });

  it('with publishPerFile, each web resource gets its own PublishXml', async () => {
    h = await start();
    const results = await publishWebResources(h.deps, [target(CASE_FORM, '// a2\n'), target(HELPERS, '// b2\n')], { ...batch, publishPerFile: true });
    assert.deepEqual(results.map(r => r.status), ['published', 'published']);
    assert.deepEqual(h.dv.state.webResources.publishes, [[CASE_FORM_ID], [h.dv.state.webResources.byName(HELPERS)?.id]]);
  });

  it('a PATCH whose answer times out is read back: applied, so it is not sent again (exactly one PATCH)', async () => {
    h = await start({ timeoutMs: 400 });
    h.dv.inject({ kind: 'hang' }, { method: 'PATCH', afterApply: true });
    const result = only(await publishWebResources(h.deps, [target(CASE_FORM, '// v2\n')], single));
    assert.equal(result.status, 'published', result.message);
    assert.equal(h.dv.logged('PATCH').length, 1);
    assert.deepEqual(h.dv.state.webResources.publishes, [[CASE_FORM_ID]]);
  });

  it('a PATCH that timed out and is not visible is "not confirmed", never re-sent nor published', async () => {
    h = await start({ timeoutMs: 400 });
    h.dv.inject({ kind: 'hang' }, { method: 'PATCH' });
    const result = only(await publishWebResources(h.deps, [target(CASE_FORM, '// v2\n')], single));
    assert.ok(result.status === 'failed' && result.code === 'not-confirmed', result.message);
    assert.match(result.message, /did not answer within 0 s.*Reading it back does not show the new content/);
    assert.equal(h.dv.logged('PATCH').length, 1);
    assert.equal(h.dv.logged('POST').length, 0);
  });

  it('a 500 before the write landed is read back, then sent once more under the same If-Match', async () => {
    h = await start();
    h.dv.inject({ kind: 'status', status: 500 }, { method: 'PATCH' });
    const result = only(await publishWebResources(h.deps, [target(CASE_FORM, '// v2\n')], single));
    assert.equal(result.status, 'published', result.message);
    const patches = h.dv.logged('PATCH');
    assert.equal(patches.length, 2);
    assert.equal(patches[0].headers['if-match'], patches[1].headers['if-match']);
  });

  it('a publish that fails leaves the files saved and says so', async () => {
    h = await start();
    h.dv.inject({ kind: 'status', status: 403, code: '0x80040220', message: 'Principal user is missing prvPublishCustomizations privilege' }, { method: 'POST' });
    const result = only(await publishWebResources(h.deps, [target(CASE_FORM, '// v2\n')], single));
    assert.equal(result.status, 'failed');
    assert.match(result.message, /Contoso Test saved new_\/scripts\/case-form\.js, but publishing it failed: .*prvPublishCustomizations/);
  });

  it('a production environment asks once before anything is read; no answer, no request', async () => {
    h = await start();
    h.prompts.production = false;
    const results = await publishWebResources(h.deps, [target(CASE_FORM, '// v2\n'), target(HELPERS, '// b\n')], { ...batch, production: true });
    assert.deepEqual(results.map(r => r.status), ['skipped', 'skipped']);
    assert.deepEqual(h.prompts.asked, [`production: Contoso Test is a production environment. Really publish 2 web resources (${CASE_FORM}, ${HELPERS})?`]);
    assert.equal(h.dv.requests.length, 0);
  });

  it('refuses to overwrite a web resource that is not JavaScript', async () => {
    h = await start();
    const result = only(await publishWebResources(h.deps, [target('new_/styles/case.css', 'x')], single));
    assert.equal(result.status, 'failed');
    assert.match(result.message, /is not a JavaScript web resource \(its type is 2\)/);
    assert.equal(h.dv.logged('PATCH').length, 0);
  });

  it('a cancelled batch stops before the next file and nothing of it is written', async () => {
    h = await start();
    const controller = new AbortController();
    const results = await publishWebResources(h.deps, [target(CASE_FORM, '// a2\n'), target(HELPERS, '// b2\n')], {
      ...batch, signal: controller.signal, onResult: () => undefined, onFile: (_t, index) => { if (index === 0) h.dv.onRequest = r => { if (r.method === 'PATCH') controller.abort(); }; },
    });
    assert.equal(results[1].status, 'skipped');
    assert.equal(h.dv.logged('PATCH').length, 1);
    assert.equal(h.dv.state.webResources.text(HELPERS), '// helpers v1\n');
  });
});

describe('Pulling a web resource', () => {
  let h: Harness;
  afterEach(() => h?.dv.close());

  it('hands back the environment content once confirmed, and remembers the version', async () => {
    h = await start();
    const mapping = { file: 'webresources/case-form.js', name: CASE_FORM };
    let asked: string | undefined;
    const result = await pullWebResource(h.deps, mapping, Buffer.from('local'), { confirmPull: row => { asked = row.content.toString(); return Promise.resolve(true); } });
    assert.equal(asked, '// case form v1\n');
    assert.ok(result.status === 'pulled');
    assert.equal(result.content.toString(), '// case form v1\n');
    assert.equal(h.dv.requests.length, 1, 'a pull only reads');
  });

  it('a declined pull changes nothing; a missing web resource says how to create it', async () => {
    h = await start();
    const declined = await pullWebResource(h.deps, { file: 'a.js', name: CASE_FORM }, Buffer.from('x'), { confirmPull: () => Promise.resolve(false) });
    assert.equal(declined.status, 'skipped');
    const missing = await pullWebResource(h.deps, { file: 'a.js', name: 'new_/nope.js' }, undefined, { confirmPull: () => Promise.resolve(true) });
    assert.equal(missing.status, 'failed');
    assert.match(missing.message, /new_\/nope\.js does not exist in Contoso Test: nothing to pull\. Publish a\.js to create it\./);
  });
});

describe('Searching the JavaScript web resources (the mapping quick pick)', () => {
  let h: Harness;
  afterEach(() => h?.dv.close());

  it('asks for type 3 and the name containing the text (quotes escaped), and lists name, display name and id', async () => {
    h = await start();
    const api = h.deps.endpoint as import('../../src/backends/dataverse/webresources').WebResourceApi;
    const rows = await api.searchJavaScript('CASE');
    assert.deepEqual(rows.map(r => [r.name, r.displayName, r.id]), [[CASE_FORM, 'case-form.js', CASE_FORM_ID]]);
    const [request] = h.dv.logged('GET', 'webresourceset');
    assert.equal(request.query.get('$filter'), "webresourcetype eq 3 and contains(name,'CASE')");
    assert.equal(request.query.get('$select'), 'name,displayname,webresourceid');
    assert.deepEqual(await api.searchJavaScript("o'brien"), []);
    assert.equal(h.dv.logged('GET', 'webresourceset')[1].query.get('$filter'), "webresourcetype eq 3 and contains(name,'o''brien')");
    // The stylesheet is not JavaScript: never offered.
    assert.deepEqual(await api.searchJavaScript('case.css'), []);
  });
});

describe('lintSuffix', () => {
  it('names the count and the rules, leaving out infos', () => {
    assert.equal(lintSuffix([]), '');
    assert.equal(lintSuffix([{ code: 'missing-ui-refresh', severity: 'warning' }]), ' with 1 warning: missing-ui-refresh');
    assert.equal(
      lintSuffix([{ code: 'invalid-entity-name', severity: 'error' }, { code: 'missing-ui-refresh', severity: 'warning' }, { code: 'missing-ui-refresh', severity: 'warning' }, { code: 'link-overridden', severity: 'info' }]),
      ' with 1 error and 2 warnings: invalid-entity-name, missing-ui-refresh',
    );
  });
});

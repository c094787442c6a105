import * as assert from 'node:assert/strict';
import { analyzeSource, applyFix, expectFindings } from '../support/markers';

const only = { rules: ['missing-ui-refresh' as const] };

describe('missing-ui-refresh', () => {
  it('reports a link whose success path never refreshes', () => {
    expectFindings(`
  Microsoft.Omnichannel.linkToConversation("incident", id).catch(e => console.error(e));
  //                    ^^^^^^^^^^^^^^^^^^ missing-ui-refresh (warning)
  Microsoft.Omnichannel.unlinkFromConversation("contact", id).then(() => console.log("done"));
  //                    ^^^^^^^^^^^^^^^^^^^^^^ missing-ui-refresh
  async function link(id) {
    await Microsoft.Omnichannel.linkToConversation("account", id);
    //                          ^^^^^^^^^^^^^^^^^^ missing-ui-refresh
    console.log("linked");
  }
  async function failureOnly(id) {
    try {
      await Microsoft.Omnichannel.linkToConversation("account", id);
      //                          ^^^^^^^^^^^^^^^^^^ missing-ui-refresh
    } catch (e) {
      Microsoft.Apm.refreshTab("tab-id-1");
    }
  }
`);
  });

  it('does not report a refresh in the success handler, after the await, or in finally', () => {
    expectFindings(`
  Microsoft.Omnichannel.linkToConversation("incident", id, conv).then(() => Microsoft.Apm.refreshTab("tab-id-3"), error => console.log(error));
  Microsoft.Omnichannel.linkToConversation("incident", id).then(function () { Microsoft.Apm.getFocusedSession().getFocusedTab().refresh(); });
  Microsoft.Omnichannel.linkToConversation("incident", id).then(() => Microsoft.Apm.getFocusedSession().getTab("t").refresh());
  Microsoft.Omnichannel.linkToConversation("incident", id).then(() => formContext.data.refresh(false));
  Microsoft.Omnichannel.linkToConversation("incident", id).then(() => Xrm.Page.data.refresh());
  Microsoft.Omnichannel.linkToConversation("incident", id).then(() => window.Microsoft.CIFramework.refreshTab("t"));
  Microsoft.Omnichannel.linkToConversation("incident", id).finally(() => Microsoft.Apm.refreshTab("t"));
  Microsoft.Omnichannel.linkToConversation("incident", id).then(onLinked);
  function onLinked() { Microsoft.Apm.refreshTab("t"); }
  async function a(id) {
    try {
      await Microsoft.Omnichannel.linkToConversation("account", id);
      Microsoft.Apm.getFocusedSession().getFocusedTab().refresh();
    } catch (e) { console.error(e); }
  }
  async function b(id) {
    try {
      await Microsoft.Omnichannel.linkToConversation("account", id);
    } finally {
      Microsoft.Apm.refreshTab("t");
    }
  }
  async function c(id) {
    try {
      await Microsoft.Omnichannel.linkToConversation("account", id);
    } catch (e) { return; }
    Microsoft.Apm.refreshTab("t");
  }
  async function d(id) {
    const apm = Microsoft.Apm;
    await Microsoft.Omnichannel.linkToConversation("account", id);
    apm.getFocusedSession().getFocusedTab().refresh();
  }
`, only);
  });

  it('leaves returned and stored promises to the caller', () => {
    expectFindings(`
  function a(id) { return Microsoft.Omnichannel.linkToConversation("account", id); }
  const b = id => Microsoft.Omnichannel.linkToConversation("account", id);
  async function c(id) { return await Microsoft.Omnichannel.linkToConversation("account", id).catch(log); }
  function d(id) { const p = Microsoft.Omnichannel.linkToConversation("account", id); return p; }
  async function e(id) {
    try {
      await Promise.all([Microsoft.Omnichannel.linkToConversation("account", id), Microsoft.Omnichannel.linkToConversation("incident", id)]);
      Microsoft.Apm.refreshTab("t");
    } catch (err) { console.error(err); }
  }
`, only);
  });

  it("counts the user's own refresh functions, plain or dotted, called or passed", () => {
    const source = `
  Microsoft.Omnichannel.linkToConversation("incident", id).then(refreshCaseTab).catch(log);
  Microsoft.Omnichannel.linkToConversation("incident", id).then(() => Utils.refreshUi()).catch(log);
`;
    expectFindings(source, { ...only, settings: { refreshFunctions: ['refreshCaseTab', 'Utils.refreshUi'] } });
    const withoutSetting = analyzeSource(source).findings.filter(f => f.ruleId === 'missing-ui-refresh');
    assert.equal(withoutSetting.length, 2, 'without the setting both links lack a refresh');
  });

  it('inserts the refresh on the line after the await, with its indentation', () => {
    const before = [
      'async function f(id) {',
      '    await Microsoft.Omnichannel.linkToConversation("account", id);',
      '}',
    ].join('\n');
    assert.equal(applyFix(before, 'missing-ui-refresh'), [
      'async function f(id) {',
      '    await Microsoft.Omnichannel.linkToConversation("account", id);',
      '    Microsoft.Apm.getFocusedSession().getFocusedTab().refresh();',
      '}',
    ].join('\n'));
  });

  it('adds a success handler before .catch, using the configured refresh call', () => {
    assert.equal(applyFix(`Microsoft.Omnichannel.linkToConversation("account", id).catch(log);`, 'missing-ui-refresh', { settings: { refreshCall: 'refreshCaseTab()' } }),
      `Microsoft.Omnichannel.linkToConversation("account", id).then(() => refreshCaseTab()).catch(log);`);
  });

  it('clears its own warning when the configured refresh call is custom', () => {
    const settings = { refreshCall: 'Utils.refreshUi()' };
    const cases: readonly (readonly [string, string])[] = [
      [
        `Microsoft.Omnichannel.linkToConversation("account", id).catch(log);`,
        `Microsoft.Omnichannel.linkToConversation("account", id).then(() => Utils.refreshUi()).catch(log);`,
      ],
      [
        'async function f(id) {\n  await Microsoft.Omnichannel.linkToConversation("account", id);\n}',
        'async function f(id) {\n  await Microsoft.Omnichannel.linkToConversation("account", id);\n  Utils.refreshUi();\n}',
      ],
      [
        `Microsoft.Omnichannel.linkToConversation("account", id).then(() => log("ok"), log);`,
        `Microsoft.Omnichannel.linkToConversation("account", id).then(() => {\n    log("ok");\n    Utils.refreshUi();\n}, log);`,
      ],
    ];
    for (const [before, after] of cases) {
      const fixed = applyFix(before, 'missing-ui-refresh', { settings });
      assert.equal(fixed, after);
      const left = analyzeSource(fixed, { settings }).findings.filter(f => f.ruleId === 'missing-ui-refresh');
      assert.deepEqual(left.map(f => f.message), [], `the fix left its warning in:\n${fixed}`);
    }
  });

  it('counts the configured refresh call wherever it is written, and only that callee', () => {
    expectFindings(`
  Microsoft.Omnichannel.linkToConversation("incident", id).then(() => window.Utils.refreshUi(true)).catch(log);
  Microsoft.Omnichannel.linkToConversation("incident", id).then(() => Utils.refreshOther()).catch(log);
  //                    ^^^^^^^^^^^^^^^^^^ missing-ui-refresh
  Microsoft.Omnichannel.linkToConversation("incident", id).then(() => Other.refreshUi()).catch(log);
  //                    ^^^^^^^^^^^^^^^^^^ missing-ui-refresh
`, { ...only, settings: { refreshCall: 'Utils.refreshUi()' } });
    expectFindings(`
  Microsoft.Omnichannel.linkToConversation("incident", id).then(() => getShell().tabs.reload()).catch(log);
  Microsoft.Omnichannel.linkToConversation("incident", id).then(() => shell.tabs.reload()).catch(log);
  //                    ^^^^^^^^^^^^^^^^^^ missing-ui-refresh
`, { ...only, settings: { refreshCall: 'await getShell().tabs.reload()' } });
  });

  it('adds the refresh into an existing success handler', () => {
    assert.equal(applyFix(`Microsoft.Omnichannel.linkToConversation("account", id).then(() => {\n  log("ok");\n}, log);`, 'missing-ui-refresh'),
      `Microsoft.Omnichannel.linkToConversation("account", id).then(() => {\n  log("ok");\n  Microsoft.Apm.getFocusedSession().getFocusedTab().refresh();\n}, log);`);
    // An expression body becomes a block, one statement a line, never a 120-character one-liner.
    assert.equal(applyFix(`Microsoft.Omnichannel.linkToConversation("account", id).then(() => log("ok"), log);`, 'missing-ui-refresh'),
      `Microsoft.Omnichannel.linkToConversation("account", id).then(() => {\n    log("ok");\n    Microsoft.Apm.getFocusedSession().getFocusedTab().refresh();\n}, log);`);
    assert.equal(applyFix(`Microsoft.Omnichannel.linkToConversation("account", id).then(function () { log("ok"); });`, 'missing-ui-refresh'),
      `Microsoft.Omnichannel.linkToConversation("account", id).then(function () {\n    log("ok");\n    Microsoft.Apm.getFocusedSession().getFocusedTab().refresh();\n});`);
  });

  it('writes its code in the file\'s style: tabs, no semicolons, function callbacks, indented from the call\'s line', () => {
    const before = [
      'function onLoad(executionContext) {',
      '\tconst formContext = executionContext.getFormContext()',
      '\tformContext.ui.tabs.forEach(function (tab) { tab.setVisible(true) })',
      '\tif (ready) {',
      '\t\tMicrosoft.Omnichannel.linkToConversation("incident", caseId).then(function () {',
      '\t\t\tlog("linked")',
      '\t\t}).catch(function (error) { log(error) })',
      '\t}',
      '}',
    ].join('\n');
    assert.equal(applyFix(before, 'missing-ui-refresh').split('\n').slice(4, 8).join('\n'), [
      '\t\tMicrosoft.Omnichannel.linkToConversation("incident", caseId).then(function () {',
      '\t\t\tlog("linked")',
      '\t\t\tMicrosoft.Apm.getFocusedSession().getFocusedTab().refresh()',
      '\t\t}).catch(function (error) { log(error) })',
    ].join('\n'));
    const expression = '\tif (ready) {\n\t\tMicrosoft.Omnichannel.linkToConversation("incident", caseId).then(() => log("linked"))\n\t}\n';
    assert.equal(applyFix(`function onLoad() {\n${expression}}\nfunction x() {\n\tfoo(function () { bar() })\n\tfoo(function () { bar() })\n}\n`, 'missing-ui-refresh').split('\n').slice(1, 7).join('\n'), [
      '\tif (ready) {',
      '\t\tMicrosoft.Omnichannel.linkToConversation("incident", caseId).then(() => {',
      '\t\t\tlog("linked")',
      '\t\t\tMicrosoft.Apm.getFocusedSession().getFocusedTab().refresh()',
      '\t\t})',
      '\t}',
    ].join('\n'));
  });

  it('adds a missing success handler on a line of its own when the chain is written one step a line', () => {
    const before = 'function f(id) {\n  Microsoft.Omnichannel.linkToConversation("account", id)\n    .catch(log);\n}';
    assert.equal(applyFix(before, 'missing-ui-refresh'),
      'function f(id) {\n  Microsoft.Omnichannel.linkToConversation("account", id)\n    .then(() => Microsoft.Apm.getFocusedSession().getFocusedTab().refresh())\n    .catch(log);\n}');
  });
});

/**
 * Generates realistic Customer Service web resources of a given length, deterministically: form scripts
 * with namespaces, Xrm calls, Web API helpers and Omnichannel link calls (mostly right, some wrong), the
 * kind of file the analyzer sees in a real solution.
 */
import { seeded as prng } from '@omnichannel-tools/core/test-support/prng';

function guid(rand: () => number): string {
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(rand() * 16).toString(16)).join('');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
}

type Block = (i: number, rand: () => number) => string;

const blocks: Block[] = [
  (i, r) => `
  /** Links the case shown on the form to the focused conversation. */
  async function linkCase${i}(executionContext) {
    const formContext = executionContext.getFormContext();
    const caseId = formContext.data.entity.getId().replace(/[{}]/g, "").toLowerCase();
    try {
      await Microsoft.Omnichannel.linkToConversation("incident", caseId);
      Microsoft.Apm.getFocusedSession().getFocusedTab().refresh();
    } catch (error) {
      Xrm.Navigation.openAlertDialog({ text: "Could not link case: " + error.message });
    }
  }
`,
  (i, r) => `
  function linkContact${i}(contactId, conversationId) {
    Microsoft.Omnichannel.linkToConversation("contact", contactId, conversationId)
      .then(() => Microsoft.Apm.refreshTab("tab-id-${i % 7}"), error => console.log(error));
  }
`,
  (i, r) => `
  function onAccountChange${i}(executionContext) {
    var formContext = executionContext.getFormContext();
    var account = formContext.getAttribute("parentcustomerid").getValue();
    if (!account || account.length === 0) {
      formContext.getControl("telephone1").setDisabled(false);
      return;
    }
    var id = account[0].id.replace(/[{}]/g, "").toLowerCase();
    Xrm.WebApi.retrieveRecord("account", id, "?$select=name,telephone1,address1_city").then(
      function (result) {
        formContext.getAttribute("telephone1").setValue(result.telephone1 || null);
        formContext.getAttribute("address1_city").setValue(result.address1_city || null);
      },
      function (error) { console.error(error.message); }
    );
  }
`,
  (i, r) => `
  function unlinkCustomer${i}() {
    Microsoft.Omnichannel.unlinkFromConversation("account", "${guid(r)}")
      .then(function () { Microsoft.Apm.getFocusedSession().getFocusedTab().refresh(); })
      .catch(function (error) { console.error("unlink failed", error); });
  }
`,
  (i, r) => `
  var priorities${i} = { low: 3, normal: 2, high: 1, critical: 0 };
  function computeSla${i}(createdOn, priority) {
    var hours = [72, 24, 8, 2][priorities${i}[priority] || 1];
    var due = new Date(createdOn.getTime() + hours * 3600 * 1000);
    for (var d = 0; d < 7 && (due.getDay() === 0 || due.getDay() === 6); d++) {
      due = new Date(due.getTime() + 24 * 3600 * 1000);
    }
    return { due: due, hours: hours, escalated: hours <= 8 };
  }
`,
  (i, r) => `
  // A deliberate mistake: no refresh after the link.
  function quickLink${i}(id) {
    return Microsoft.Omnichannel.getConversationId().then(function (conversationId) {
      Microsoft.Omnichannel.linkToConversation("incident", id, conversationId).catch(console.error);
    });
  }
`,
  (i, r) => `
  async function loadConversations${i}(agentId) {
    try {
      const conversations = await Microsoft.Omnichannel.getConversations({ agentId: agentId, status: [2, 3], createdBeforeDays: 7 });
      return conversations.map(c => ({ id: c.msdyn_ocliveworkitemid, title: c.msdyn_title }));
    } catch (e) {
      return [];
    }
  }
`,
  (i, r) => `
  function setNotification${i}(formContext, message, level) {
    formContext.ui.setFormNotification(message, level || "INFO", "omnichannel-${i}");
    setTimeout(function () { formContext.ui.clearFormNotification("omnichannel-${i}"); }, 5000);
  }
`,
];

/** A web resource of about `lines` lines, wrapped in a namespace object as Dynamics scripts usually are. */
export function generateWebResource(lines: number, seed = 42): string {
  const rand = prng(seed);
  const out: string[] = [
    '"use strict";',
    '/* Contoso Customer Service: conversation form scripts (generated for benchmarking). */',
    'var Contoso = window.Contoso || {};',
    'Contoso.Service = (function () {',
  ];
  let count = out.length;
  let i = 0;
  while (count < lines - 2) {
    const block = blocks[Math.floor(rand() * blocks.length)]!(i++, rand);
    out.push(block);
    count += block.split('\n').length - 1;
  }
  out.push('  return { computeSla0: typeof computeSla0 === "function" ? computeSla0 : null };', '})();');
  return out.join('\n') + '\n';
}

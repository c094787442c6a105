/** Realistic sources that exercise every rule, used as seeds for the fuzz and incremental-parse tests. */
export const CORPUS: readonly string[] = [
  `Microsoft.Omnichannel.linkToConversation("case", "{5A2A6A28-9F8E-4C38-9A4F-1A0B3C2D4E5F}");`,
  `async function linkCase(executionContext) {
  const formContext = executionContext.getFormContext();
  await Microsoft.Omnichannel.linkToConversation("incident", formContext.data.entity.getId());
  await Microsoft.Omnichannel.linkToConversation("incident", other);
}`,
  `const oc = window.parent.Microsoft.Omnichannel;
const { linkToConversation: link } = Microsoft.Omnichannel;
const CASE = "Incident";
function run(id, conv) {
  oc.linkToConverstion(CASE, id, conv, 1);
  link("accounts", 42).then(() => console.log("ok"));
  return oc.getConversationId();
}`,
  `Microsoft?.Omnichannel?.sendMessageToConversation?.("hi", "true").then(show, fail);
Microsoft.Omnichannel.getConversations({ status: [2] }).finally(done);
Microsoft["Omnichannel"]["openConversation"](\`conv\`);`,
  `export class Linker {
  private readonly oc = Microsoft.Omnichannel;
  async link(id: string): Promise<void> {
    try {
      await Microsoft.Omnichannel.linkToConversation("contact", id);
      Microsoft.Apm.getFocusedSession().getFocusedTab().refresh();
    } catch (e: unknown) {
      console.error(e);
    }
  }
}`,
  `// omnichannel-disable-next-line invalid-entity-name
Microsoft.Omnichannel.linkToConversation("case", id).then(() => Microsoft.Apm.refreshTab("t")).catch(log);
const el = <button onClick={() => Microsoft.Omnichannel.linkToConversation("incident", id)}>Link</button>;`,
  `Promise.all([Microsoft.Omnichannel.linkToConversation("account", a), Microsoft.Omnichannel.linkToConversation("incident", b)]).then(refresh);
if (x) { Microsoft.Omnichannel.unlinkFromConversation("contact", c); } else Microsoft.Apm.refreshTabz();`,
];

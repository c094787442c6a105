// Conversation side panel (TypeScript, compiled to web resource "contoso_/scripts/conversation-panel.js").
// The agent picks records in the panel and links them to the conversation.
//
// This sample contains deliberate mistakes for Omnichannel Tools to find: open the Problems panel.

interface PickedRecord {
  entityType: "account" | "contact" | "incident";
  id: string;
}

function refreshFocusedTab(): void {
  Microsoft.Apm.getFocusedSession().getFocusedTab().refresh();
}

/** "Link" button next to a picked customer. */
export async function linkPickedCustomer(record: PickedRecord, conversationId: string): Promise<void> {
  try {
    // @ts-expect-error Mistake: a typo in the method name ("is not a function" in the browser); the types catch it too.
    await Microsoft.Omnichannel.linkToConverstion(record.entityType, record.id, conversationId);
    refreshFocusedTab();
  } catch (error) {
    console.error("Linking the customer failed", error);
  }
}

/** "Link case" button. */
export async function linkCase(caseId: string): Promise<void> {
  try {
    // @ts-expect-error Mistake: the case table's logical name is "incident", not "case" (the types catch it too).
    await Microsoft.Omnichannel.linkToConversation("case", caseId);
    refreshFocusedTab();
  } catch (error) {
    console.error("Linking the case failed", error);
  }
}

/** Demo button: links the printer case, with its id pasted from the browser's address bar. */
export async function linkPrinterCase(): Promise<void> {
  try {
    // Mistake: a GUID with braces and in upper case; the API expects "c0ffee00-1234-…".
    await Microsoft.Omnichannel.linkToConversation("incident", "{C0FFEE00-1234-4ABC-9DEF-00112233AABB}");
    refreshFocusedTab();
  } catch (error) {
    console.error("Linking the case failed", error);
  }
}

/** "Link both" button: links the contact and then the contact's company. */
export async function linkContactAndCompany(contactId: string, accountId: string, conversationId: string): Promise<void> {
  try {
    await Microsoft.Omnichannel.linkToConversation("contact", contactId, conversationId);
    // Mistake: a conversation has one customer (account OR contact); this replaces the contact link.
    await Microsoft.Omnichannel.linkToConversation("account", accountId, conversationId);
    refreshFocusedTab();
  } catch (error) {
    console.error("Linking the customer failed", error);
  }
}

/** Customization code the typings must accept, and mistakes they must reject (each marked `@ts-expect-error`). */

export const CORRECT_TS = `
declare const formContext: { data: { entity: { getId(): string } } };
async function linkCase(conversationId: string): Promise<void> {
  const caseId = formContext.data.entity.getId().replace(/[{}]/g, '').toLowerCase();
  try {
    await Microsoft.Omnichannel.linkToConversation('incident', caseId, conversationId);
    Microsoft.Apm.getFocusedSession().getFocusedTab().refresh();
  } catch (error) {
    console.error(error);
  }
}
Microsoft.Omnichannel.linkToConversation('account', 'a0000000-0000-4000-8000-000000000001')
  .then(() => Microsoft.Apm.refreshTab('tab-id-3'), error => console.log(error));
Microsoft.Omnichannel.getConversations({ agentId: 'x', status: [2], orderBy: [{ attributeName: 'createdon', descending: true }] });
Microsoft.Omnichannel.sendMessageToConversation('Hello', false);
const topic: string = Microsoft.Apm.getEventPublisherTopic('ON_SESSION_SWITCH');
new BroadcastChannel(topic);
Microsoft.Omnichannel.TranslationFramework.getTranslationProvider = () => ({
  initializeNewConversation: async () => ({ keepTranslationOn: true, c1Language: 'fr' }),
  translateMessage: async () => ({}),
});
void linkCase;
`;

export const WRONG_TS = `
// @ts-expect-error "case" is not a logical name: the table is incident
Microsoft.Omnichannel.linkToConversation('case', 'a0000000-0000-4000-8000-000000000001');
// @ts-expect-error the record id is missing
Microsoft.Omnichannel.linkToConversation('incident');
// @ts-expect-error a misspelt member
Microsoft.Omnichannel.linkToConverstion('incident', 'x');
// @ts-expect-error not an event the workspace publishes
Microsoft.Apm.getEventPublisherTopic('ON_TAB_OPEN');
// @ts-expect-error getConversations needs the agent id
Microsoft.Omnichannel.getConversations({ status: [2] });
`;

export const CHECKED_JS = `// @ts-check
Microsoft.Omnichannel.unlinkFromConversation('contact', 'c0000000-0000-4000-8000-000000000001')
  .then(() => Microsoft.Apm.getFocusedSession().getFocusedTab().refresh());
// @ts-expect-error "Incident" is not a logical name: logical names are lower case
Microsoft.Omnichannel.linkToConversation('Incident', 'x');
`;

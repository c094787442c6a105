/** A realistic case form script and a stand-in for its form context, as a user's unit test would have them. */
import { CASES } from '../src/simulator/sample-data';

export interface Notification {
  readonly message: string;
  readonly level: string;
}

/** The bit of `Xrm.FormContext` the script touches. */
export function fakeFormContext(caseId: string) {
  const notifications: Notification[] = [];
  return {
    notifications,
    data: { entity: { getId: () => `{${caseId.toUpperCase()}}`, getEntityName: () => 'incident' } },
    ui: { setFormNotification: (message: string, level: string) => void notifications.push({ message, level }) },
  };
}

type FormContext = ReturnType<typeof fakeFormContext>;

interface MicrosoftGlobal {
  Omnichannel: { linkToConversation(entity: string, id: string, conversationId?: string): Promise<unknown> };
  Apm: { getFocusedSession(): { getFocusedTab(): { refresh(): void } } };
}

/**
 * The script under test: links the open case to the focused conversation, refreshes the tab so the agent
 * sees the link, and tells the agent when the conversation no longer accepts links.
 */
export async function linkCaseToConversation(formContext: FormContext, microsoft = (globalThis as unknown as { Microsoft: MicrosoftGlobal }).Microsoft): Promise<void> {
  const caseId = formContext.data.entity.getId().replace(/[{}]/g, '').toLowerCase();
  try {
    await microsoft.Omnichannel.linkToConversation('incident', caseId);
    microsoft.Apm.getFocusedSession().getFocusedTab().refresh();
    formContext.ui.setFormNotification('The case is linked to the conversation.', 'INFO');
  } catch (error) {
    const code = (error as { code?: string }).code;
    const message = code === 'conversation-not-active'
      ? 'This conversation has ended: the case was not linked.'
      : `The case could not be linked: ${(error as Error).message}`;
    formContext.ui.setFormNotification(message, 'ERROR');
  }
}

export const PRINTER_JAM = CASES.printerJam;

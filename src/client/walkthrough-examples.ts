/** The walkthrough's example documents (pure, so tests read them without VS Code). */

/** The cursor goes where `|` is; the marker is removed. */
export const COMPLETION_EXAMPLE = [
  '// Omnichannel Tools: pick a case of the active environment (the Simulator unless you chose another).',
  '// Type part of a title or a case number (CAS-01024) between the quotes; the GUID goes in.',
  'function linkCase() {',
  '  return Microsoft.Omnichannel.linkToConversation("incident", "|")',
  '    .then(() => Microsoft.Apm.getFocusedSession().getFocusedTab().refresh());',
  '}',
  '',
].join('\n');

export const QUICK_FIX_EXAMPLE = [
  '// Omnichannel Tools: this link is saved, but the agent does not see it until the page refreshes.',
  '// Ctrl+. on the call offers "Refresh the UI on success".',
  'function linkContact(contactId) {',
  '  Microsoft.Omnichannel.|linkToConversation("contact", contactId)',
  '    .catch(error => console.error(error));',
  '}',
  '',
].join('\n');

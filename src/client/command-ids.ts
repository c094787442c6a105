/**
 * Every command id the client registers, in one list: `commands.ts` must give each a handler (its table
 * is typed by this list) and a test checks the list against package.json, so they cannot drift. Pure.
 */
export const COMMAND_IDS = [
  'omnichannel.linkRecord',
  'omnichannel.unlinkRecord',
  'omnichannel.runCallAtCursor',
  /** Internal (code lens); not contributed to the palette. */
  'omnichannel.runCall',
  'omnichannel.selectEnvironment',
  'omnichannel.addEnvironment',
  'omnichannel.importPacEnvironments',
  'omnichannel.createSimulatorData',
  'omnichannel.signIn',
  'omnichannel.signOut',
  'omnichannel.resetSimulator',
  'omnichannel.openPanel',
  'omnichannel.showLog',
  'omnichannel.restartServer',
  /** The Get Started walkthrough's buttons; contributed but hidden from the palette. */
  'omnichannel.walkthrough.tryCompletion',
  'omnichannel.walkthrough.tryQuickFix',
  'omnichannel.publishWebResource',
  'omnichannel.publishAllWebResources',
  'omnichannel.pullWebResource',
] as const;

export type CommandId = (typeof COMMAND_IDS)[number];

/** Registered but deliberately not in package.json's `contributes.commands`. */
export const INTERNAL_COMMANDS: readonly CommandId[] = ['omnichannel.runCall'];

/**
 * What the "run this call" code lens says and does. The server cannot know the active environment, so the
 * client names it; over a real environment a second lens runs the same call in the simulator, so trying
 * a call never needs switching environments. Pure, so the titles and arguments are unit tested.
 */
import { SIMULATOR_NAME, type EnvironmentEntry } from '../environments/types';

/** A code lens command as VS Code holds it. */
export interface LensCommand {
  readonly title: string;
  readonly command: string;
  readonly tooltip?: string;
  readonly arguments?: unknown[];
}

/** What a lens needs of the active environment (an `EnvironmentEntry` fits). */
export type ActiveEnvironment = Pick<EnvironmentEntry, 'name' | 'kind'>;

/**
 * The lenses for one server lens: "▶ Run in <active>", and over a real environment also "▶ Run in
 * Simulator", whose second argument names the environment to run in (`omnichannel.runCall(info, name)`).
 */
export function runLensCommands(command: LensCommand, active: ActiveEnvironment): LensCommand[] {
  const args = command.arguments ?? [];
  const here: LensCommand = { ...command, title: `▶ Run in ${active.name}`, tooltip: `Run this call against ${active.name}` };
  if (active.kind === 'simulator') return [here];
  const simulated: LensCommand = {
    ...command,
    title: `▶ Run in ${SIMULATOR_NAME}`,
    tooltip: `Run this call against the ${SIMULATOR_NAME}; nothing is written to ${active.name}`,
    arguments: [args[0], SIMULATOR_NAME],
  };
  return [here, simulated];
}

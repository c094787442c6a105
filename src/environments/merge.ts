/** Builds the environment list the user picks from: the simulator, then user settings, then the workspace file. */
import { ENVIRONMENTS_FILE, SIMULATOR_ENTRY, SIMULATOR_NAME, type EnvironmentDefinition, type EnvironmentEntry } from './types';

export function mergeEnvironments(
  settings: readonly EnvironmentDefinition[],
  workspace: readonly EnvironmentDefinition[],
): { environments: EnvironmentEntry[]; messages: string[] } {
  const environments: EnvironmentEntry[] = [SIMULATOR_ENTRY];
  const messages: string[] = [];
  const byName = new Map<string, EnvironmentDefinition>();
  const add = (definition: EnvironmentDefinition, source: 'settings' | 'workspace') => {
    const key = definition.name.trim().toLowerCase();
    const existing = byName.get(key);
    if (key === SIMULATOR_NAME.toLowerCase()) return; // Rejected by validation already; never shadows the simulator.
    if (existing) {
      // User settings win: the user chose them, the workspace file came with the repository.
      const differs = existing.url === definition.url ? '' : ` (it points at ${definition.url}; yours at ${existing.url})`;
      messages.push(`The environment "${definition.name}" in ${ENVIRONMENTS_FILE} is ignored because your user settings define one with the same name${differs}.`);
      return;
    }
    byName.set(key, definition);
    environments.push({ kind: 'dataverse', name: definition.name, source, definition });
  };
  for (const definition of settings) add(definition, 'settings');
  for (const definition of workspace) add(definition, 'workspace');
  return { environments, messages };
}

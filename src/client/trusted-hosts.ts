/**
 * Reads `omnichannel.trustedHosts` from the user's own settings only. A workspace could otherwise send
 * the user's token to a host of its choosing, so workspace values are ignored (and reported). Pure.
 */

/** The parts of `WorkspaceConfiguration.inspect()` this needs. */
export interface InspectedSetting {
  readonly globalValue?: unknown;
  readonly workspaceValue?: unknown;
  readonly workspaceFolderValue?: unknown;
}

export interface TrustedHostsReading {
  readonly hosts: readonly string[];
  /** Sentences about entries that were skipped (wrong type) or workspace values that were ignored. */
  readonly warnings: readonly string[];
}

export function readTrustedHosts(inspected: InspectedSetting | undefined): TrustedHostsReading {
  const warnings: string[] = [];
  const hosts: string[] = [];
  const global = inspected?.globalValue;
  if (Array.isArray(global)) {
    global.forEach((entry, index) => {
      if (typeof entry === 'string' && entry.trim() !== '') hosts.push(entry.trim().toLowerCase());
      else warnings.push(`omnichannel.trustedHosts[${index}] is ignored: expected a host name such as "myorg.example.com".`);
    });
  } else if (global !== undefined) {
    warnings.push('omnichannel.trustedHosts is ignored: expected an array of host names in your user settings.');
  }
  if (inspected?.workspaceValue !== undefined || inspected?.workspaceFolderValue !== undefined) {
    warnings.push('omnichannel.trustedHosts in workspace settings is ignored: only your user settings decide where your token may go.');
  }
  return { hosts, warnings };
}

/**
 * What suites that configure real environments share: user settings written and waited for, the
 * environment list waited for, and a token command that records each run.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';

/** The part of the extension's API these helpers use. */
export interface EnvironmentsApi {
  environments(): Promise<string[]>;
  readonly onDidChangeEnvironments: vscode.Event<void>;
}

/**
 * Writes a user setting and resolves once the extension host has seen the change (the configuration
 * event), so what runs next reads the new value. Nothing to wait for when the value is already there.
 */
export async function setUserSetting(key: string, value: unknown): Promise<void> {
  const section = vscode.workspace.getConfiguration('omnichannel');
  if (JSON.stringify(section.inspect(key)?.globalValue) === JSON.stringify(value)) return;
  const seen = new Promise<void>(resolve => {
    const subscription = vscode.workspace.onDidChangeConfiguration(event => {
      if (!event.affectsConfiguration(`omnichannel.${key}`)) return;
      subscription.dispose();
      resolve();
    });
  });
  await section.update(key, value, vscode.ConfigurationTarget.Global);
  await seen;
}

/** Resolves with the extension's environment list once `accept` holds for it, checking after each change event. */
export function waitForEnvironments(api: EnvironmentsApi, accept: (names: string[]) => boolean, description: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    let done = false;
    let last: string[] = [];
    const check = (): void => {
      void api.environments().then(names => {
        last = names;
        if (done || !accept(names)) return;
        done = true;
        subscription.dispose();
        clearTimeout(timer);
        resolve(names);
      }, reject);
    };
    const subscription = api.onDidChangeEnvironments(check);
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`The environment list never ${description}; last seen: ${last.join(', ')}`));
    }, 30_000);
    check();
  });
}

/**
 * A token command as a user would write one around their sign-in tool: it prints the token it cached,
 * and asks the "issuer" for a new one when there is none yet or OMNICHANNEL_FORCE_REFRESH=1. Every
 * run is recorded with the refresh flag it got.
 */
export class TokenCommand {
  readonly dir = mkdtempSync(join(tmpdir(), 'omnichannel-token-command-'));
  private readonly issued = join(this.dir, 'issued-token');
  private readonly runs = join(this.dir, 'runs.log');
  private readonly script = join(this.dir, 'print-token.js');

  constructor(token: string) {
    this.issue(token);
    writeFileSync(this.runs, '');
    writeFileSync(this.script, [
      "const fs = require('node:fs');",
      "const path = require('node:path');",
      "const file = name => path.join(__dirname, name);",
      "const force = process.env.OMNICHANNEL_FORCE_REFRESH === '1';",
      "fs.appendFileSync(file('runs.log'), (force ? '1' : '0') + '\\n');",
      "if (force || !fs.existsSync(file('cached-token'))) fs.copyFileSync(file('issued-token'), file('cached-token'));",
      "process.stdout.write(fs.readFileSync(file('cached-token'), 'utf8'));",
      '',
    ].join('\n'));
  }

  /** The command line for `authentication.command` (this extension host's own Node runs the script). */
  get commandLine(): string {
    return `"${process.execPath}" "${this.script}"`;
  }

  /** The sign-in tool now issues `token`; the cached one is stale until a forced refresh. */
  issue(token: string): void {
    writeFileSync(this.issued, token);
  }

  /** The refresh flag of every run so far, in order. */
  flags(): string[] {
    return readFileSync(this.runs, 'utf8').split('\n').filter(line => line !== '');
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

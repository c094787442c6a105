// Types of vscode-host.mjs, for the TypeScript end-to-end harness that imports it.
import type { ChildProcess } from 'node:child_process';

export const REPO_ROOT: string;
export const HOST_DIR: string;
export const CODE_SERVER_VERSION: string;
export const CODE_SERVER_BIN: string;
export const PROFILE_SETTINGS: Record<string, unknown>;

export interface Profile {
  readonly root: string;
  readonly userDataDir: string;
  readonly extensionsDir: string;
  readonly config: string;
  readonly data: string;
  readonly cache: string;
  readonly tmp: string;
  readonly env: NodeJS.ProcessEnv;
  remove(): void;
}

export interface CodeServer {
  readonly url: string;
  readonly port: number;
  readonly pid: number;
  readonly child: ChildProcess;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop(): Promise<void>;
  output(): string;
}

export function codeServerInstalled(): boolean;
export function createProfile(options?: { prefix?: string; settings?: Record<string, unknown> }): Profile;
export function freePort(): Promise<number>;
export function installExtension(profile: Profile, vsixPath: string, extensionsDir?: string): Promise<string>;
export function startCodeServer(profile: Profile, options?: { port?: number; readyTimeoutMs?: number; workspaceTrust?: boolean }): Promise<CodeServer>;
export function workbenchUrl(server: CodeServer, options?: { folder?: string; payload?: [string, string][] }): string;
export function remoteUri(server: CodeServer, absolutePath: string): string;
export function copySamples(workspace: string): void;

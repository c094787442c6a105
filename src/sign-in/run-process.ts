/**
 * Runs a helper program (the Azure CLI, a user's token command) with a hard timeout that kills the
 * whole process tree, so a command that starts children and never returns cannot hang a link call.
 * Output is returned, never logged: stdout is a token.
 */
import { spawn } from 'node:child_process';

export interface RunOptions {
  readonly file: string;
  readonly args?: readonly string[];
  /** Run through the system shell: only for the command line a user typed into their own settings. */
  readonly shell?: boolean;
  /** Windows: the arguments are a command line already quoted (see windows-command.ts). */
  readonly windowsVerbatimArguments?: boolean;
  readonly cwd?: string;
  readonly timeoutMs: number;
  readonly env?: NodeJS.ProcessEnv;
}

export interface RunResult {
  readonly stdout: string;
  readonly stderr: string;
  /** Exit code, or null when killed. */
  readonly code: number | null;
  readonly timedOut: boolean;
  /** Set when the program could not be started (e.g. `ENOENT`). */
  readonly startError?: NodeJS.ErrnoException;
}

const MAX_OUTPUT = 1024 * 1024;

export function runProcess(options: RunOptions): Promise<RunResult> {
  return new Promise(resolve => {
    const posix = process.platform !== 'win32';
    let child;
    try {
      child = spawn(options.file, [...(options.args ?? [])], {
        cwd: options.cwd,
        env: options.env ?? process.env,
        shell: options.shell ?? false,
        windowsVerbatimArguments: options.windowsVerbatimArguments ?? false,
        windowsHide: true,
        // Its own process group on POSIX, so the timeout can kill the children too.
        detached: posix,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (error) {
      resolve({ stdout: '', stderr: '', code: null, timedOut: false, startError: error as NodeJS.ErrnoException });
      return;
    }
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    let settled = false;
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      if (stdout.length < MAX_OUTPUT) stdout += chunk;
    });
    child.stderr.on('data', (chunk: string) => {
      if (stderr.length < MAX_OUTPUT) stderr += chunk;
    });
    const finish = (result: RunResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killTree(child.pid, posix, () => child.kill('SIGKILL'));
    }, options.timeoutMs);
    child.on('error', error => finish({ stdout, stderr, code: null, timedOut, startError: error }));
    child.on('close', code => finish({ stdout, stderr, code, timedOut }));
  });
}

function killTree(pid: number | undefined, posix: boolean, fallback: () => void): void {
  if (pid === undefined) return fallback();
  try {
    if (posix) process.kill(-pid, 'SIGKILL');
    else spawn('taskkill', ['/pid', String(pid), '/T', '/F'], { windowsHide: true });
  } catch {
    fallback();
  }
}

/** The first lines of a program's error output, for a message (bounded, trimmed). */
export function firstLines(text: string, lines = 3): string {
  return text
    .split(/\r?\n/)
    .map(l => l.trim())
    .filter(l => l !== '')
    .slice(0, lines)
    .join(' ')
    .slice(0, 500);
}

/** `30 s`, or `300 ms` below a second. */
export function formatDuration(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`;
}

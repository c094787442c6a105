/**
 * How a helper program is started without a shell reading our data. On Windows a `.cmd`/`.bat` script
 * (the Azure CLI is `az.cmd`) can only run through cmd.exe, which reads its command line twice: once itself
 * and once more where the script expands `%*`. No escaping survives both readings, so nothing is escaped:
 * each argument must consist of characters neither reading gives a meaning to inside double quotes, and
 * anything else is refused before a process starts.
 */

export interface Invocation {
  readonly file: string;
  readonly args: readonly string[];
  /** Windows only: pass the command line as built, without Node's own quoting. */
  readonly windowsVerbatimArguments: boolean;
}

/** What an argument may hold: letters, digits and `. _ : / = -` (an https origin, an option, a query). */
const SAFE_ARGUMENT = /^[A-Za-z0-9._:/=-]+$/;
/** What a program path may hold: the same, plus `\`, spaces and parentheses (`C:\Program Files (x86)\…`). */
const SAFE_PROGRAM = /^[A-Za-z0-9._:/=\\ ()-]+$/;

/** Starts `program` with `args`: directly, or on Windows through cmd.exe for a script, quoted by its rules. */
export function invocationFor(program: string, args: readonly string[], platform: NodeJS.Platform = process.platform, comspec = process.env['ComSpec']): Invocation {
  if (platform !== 'win32' || !/\.(cmd|bat)$/i.test(program)) return { file: program, args, windowsVerbatimArguments: false };
  return { file: comspec ?? 'cmd.exe', args: ['/d', '/s', '/v:off', '/c', `"${cmdCommandLine(program, args)}"`], windowsVerbatimArguments: true };
}

/** The command line cmd.exe runs for a script: every part in double quotes, each checked first. */
export function cmdCommandLine(program: string, args: readonly string[]): string {
  if (!SAFE_PROGRAM.test(program)) throw new UnsafeArgumentError(`The program path ${JSON.stringify(program)} holds characters cmd.exe would read as commands.`);
  for (const arg of args) {
    if (!SAFE_ARGUMENT.test(arg)) throw new UnsafeArgumentError(`The argument ${JSON.stringify(arg)} holds characters cmd.exe would read as commands, so it is not passed.`);
  }
  return [program, ...args].map(part => `"${part}"`).join(' ');
}

class UnsafeArgumentError extends Error {}

/**
 * A model of how Windows runs `cmd.exe /d /s /c "<line>"` for a batch script, for tests on a machine
 * without Windows: percent expansion, then cmd's special characters (`^` escapes and `"` quoting,
 * `& && | || < >` separating commands), then the script's `%*` read a second time the same way, then
 * the C runtime's argv splitting of what the script finally runs. Written from cmd's documented rules.
 */

/** The commands one reading of a line runs, carets consumed, quotes kept. */
export function cmdCommands(line: string, env: Readonly<Record<string, string>> = {}): string[] {
  const expanded = line.replace(/%([^%\r\n]+)%/g, (whole, name: string) => env[name.toUpperCase()] ?? whole);
  const commands: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < expanded.length; i++) {
    const c = expanded[i]!;
    if (c === '"') {
      quoted = !quoted;
      current += c;
    } else if (quoted) {
      current += c;
    } else if (c === '^') {
      i++;
      if (i < expanded.length) current += expanded[i];
    } else if (c === '&' || c === '|' || c === '<' || c === '>' || c === '\n' || c === '\r') {
      commands.push(current);
      current = '';
      if (expanded[i + 1] === c) i++;
    } else {
      current += c;
    }
  }
  commands.push(current);
  return commands.map(command => command.trim()).filter(command => command !== '');
}

/** What cmd.exe runs for `cmd /d /s /c "<inner>"`: /s drops the outer quotes, then one reading. */
export function cmdSlashC(argument: string, env: Readonly<Record<string, string>> = {}): string[] {
  const inner = argument.startsWith('"') && argument.endsWith('"') ? argument.slice(1, -1) : argument;
  return cmdCommands(inner, env);
}

/** The argv a C program gets from a command line (CommandLineToArgvW's rules for quotes and backslashes). */
export function argvOf(commandLine: string): string[] {
  const argv: string[] = [];
  let current = '';
  let inArg = false;
  let quoted = false;
  for (let i = 0; i < commandLine.length; i++) {
    const c = commandLine[i]!;
    if (c === '\\') {
      let slashes = 0;
      while (commandLine[i] === '\\') {
        slashes++;
        i++;
      }
      if (commandLine[i] === '"') {
        current += '\\'.repeat(Math.floor(slashes / 2));
        if (slashes % 2 === 1) current += '"';
        else quoted = !quoted;
      } else {
        current += '\\'.repeat(slashes);
        i--;
      }
      inArg = true;
    } else if (c === '"') {
      quoted = !quoted;
      inArg = true;
    } else if ((c === ' ' || c === '\t') && !quoted) {
      if (inArg) argv.push(current);
      current = '';
      inArg = false;
    } else {
      current += c;
      inArg = true;
    }
  }
  if (inArg) argv.push(current);
  return argv;
}

/**
 * Runs a batch script the way cmd does: the first word of the command is the script; its line
 * `<interpreter> %*` is read again with the arguments' text substituted. Returns every command run
 * by that second reading, as argv arrays.
 */
export function batchRuns(command: string, interpreter = 'python.exe -m azure.cli'): string[][] {
  const script = /^("[^"]*"|\S+)\s*/.exec(command);
  const rest = script ? command.slice(script[0].length) : '';
  return cmdCommands(`${interpreter} ${rest}`).map(argvOf);
}

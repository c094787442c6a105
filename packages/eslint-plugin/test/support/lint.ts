/**
 * Lints text through ESLint's public `ESLint` class with an inline flat config and no config file, as a
 * project's `eslint.config.mjs` would; the file itself never needs to exist on disk.
 */
import { ESLint, type Linter } from 'eslint';
import * as path from 'node:path';

export interface Linted {
  readonly messages: Linter.LintMessage[];
  /** The text after `--fix`; the input when nothing was fixed. */
  readonly output: string;
}

export async function lint(code: string, config: Linter.Config[], fileName = 'link.js', fix = false): Promise<Linted> {
  // A fixed, absolute cwd: lintText never reads it, but a filePath outside it would be ignored.
  const cwd = path.resolve(__dirname);
  const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: config, fix });
  const [result] = await eslint.lintText(code, { filePath: path.join(cwd, fileName) });
  return { messages: result!.messages, output: result!.output ?? code };
}

/** Each message as `line:column rule-id`, in ESLint's order: a short shape to compare. */
export function where(messages: readonly Linter.LintMessage[]): string[] {
  return messages.map(m => `${m.line}:${m.column} ${m.ruleId ?? '(no rule)'}`);
}

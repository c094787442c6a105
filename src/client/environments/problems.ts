/**
 * Shows configuration problems (environment files, the simulator seed, settings) as one warning with an
 * "Open File" button that opens the file at the problem's line; every problem also goes to the log.
 */
import * as vscode from 'vscode';
import type { ConfigProblem } from '@omnichannel-tools/testing/json';

export function showProblems(problems: readonly ConfigProblem[], log: vscode.LogOutputChannel, resolveFile: (file: string) => vscode.Uri | undefined, consequence: string): void {
  if (problems.length === 0) return;
  for (const problem of problems) log.warn(problem.text);
  const first = problems[0];
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''}: see the log)` : '';
  const uri = first.file === undefined ? undefined : resolveFile(first.file);
  const actions = uri ? ['Open File', 'Show Log'] : first.file === undefined ? ['Open Settings', 'Show Log'] : ['Show Log'];
  void vscode.window.showWarningMessage(`${first.text}${more} ${consequence}`, ...actions).then(async answer => {
    if (answer === 'Show Log') log.show(true);
    if (answer === 'Open Settings') await vscode.commands.executeCommand('workbench.action.openSettingsJson');
    if (answer === 'Open File' && uri) {
      const line = Math.max(0, (first.line ?? 1) - 1);
      const character = Math.max(0, (first.column ?? 1) - 1);
      const position = new vscode.Position(line, character);
      await vscode.window.showTextDocument(uri, { selection: new vscode.Range(position, position) });
    }
  });
}

/**
 * The entry point for the run in an untrusted workspace (Restricted Mode). Its suites live apart from
 * the others because they assert the opposite trust state, so the trusted run never loads them.
 */
import { runSuitesIn } from '../index';

export function run(): Promise<void> {
  return runSuitesIn(__dirname);
}

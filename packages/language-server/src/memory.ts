/**
 * `omnichannel.languageServer.memory`: how soon V8 collects the server's garbage.
 *
 * Every edit of a document leaves its old text, line table and analysis behind as garbage, and V8 lets the heap
 * grow well past what is live before it collects: a 50k-line file edited twenty times peaks at about 220 MB
 * although about 130 MB are live. `"low"` bounds that growth to 10% above what the last collection kept
 * (V8's `--heap-growing-percent`, set in the running process, so a server started from the startup snapshot,
 * whose flags must match the snapshot's, takes it too, and a change applies at once), which keeps such a
 * session near the memory of the open at about 1.8× the CPU per keystroke on such a file. `"default"`
 * leaves V8's heuristics.
 */
import { setFlagsFromString } from 'node:v8';

export const MEMORY_MODES = ['default', 'low'] as const;
export type MemoryMode = (typeof MEMORY_MODES)[number];

/** V8's heap growth, in percent, under `"low"`; 0 is V8's own default (its heuristics decide). */
export const LOW_MEMORY_HEAP_GROWTH_PERCENT = 10;

/** The mode in the `omnichannel` section (nested as VS Code sends it, or the flat key), or a problem naming the setting. */
export function readMemoryMode(section: unknown): { readonly mode: MemoryMode; readonly problem?: string } {
  if (!section || typeof section !== 'object') return { mode: 'default' };
  const record = section as Record<string, unknown>;
  const server = record['languageServer'];
  const value = server && typeof server === 'object' ? (server as Record<string, unknown>)['memory'] : record['languageServer.memory'];
  if (value === undefined || value === null) return { mode: 'default' };
  if (typeof value === 'string' && (MEMORY_MODES as readonly string[]).includes(value)) return { mode: value as MemoryMode };
  return { mode: 'default', problem: `omnichannel.languageServer.memory is ${JSON.stringify(value)}; expected "default" or "low". Using "default".` };
}

/** Applies a mode to this process; returns whether it changed. */
export class MemoryControl {
  private current: MemoryMode = 'default';

  get mode(): MemoryMode {
    return this.current;
  }

  apply(mode: MemoryMode): boolean {
    if (mode === this.current) return false;
    setFlagsFromString(`--heap-growing-percent=${mode === 'low' ? LOW_MEMORY_HEAP_GROWTH_PERCENT : 0}`);
    this.current = mode;
    return true;
  }
}

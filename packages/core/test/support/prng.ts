/**
 * A small seeded PRNG (mulberry32): generated tests see the same inputs on every run. The one copy: the
 * language server's and the extension's tests import it as `@omnichannel-tools/core/test-support/prng`
 * (an export for this repository's tests, shipped with it so that the published export resolves).
 */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)]!;
}

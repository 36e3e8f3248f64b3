// The engine's seeded pseudo-random generator (mulberry32): every search, generator and benchmark
// that draws numbers is reproducible from its seed.

// Math.imul held in a module constant: a global lookup costs far more inside a vm context (jest's).
const { imul } = Math;

/** A function returning uniform numbers in [0, 1), reproducible from its seed. */
export type Random = () => number;

/**
 * A mulberry32 generator seeded with a 32-bit integer.
 * @example const r = seededRandom(1); r() // 0.6270739405881613
 */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = imul(t ^ (t >>> 15), t | 1);
    t ^= t + imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Random draws of the schedule searches, on the engine's seeded generator (../random.ts).

import type { Random } from "../random";

export { seededRandom, type Random } from "../random";

// Math.floor held in a module constant: a global lookup costs far more inside a vm context (jest's).
const { floor } = Math;

/** A uniform integer in [0, n). */
export function randomInt(random: Random, n: number): number {
  return floor(random() * n);
}

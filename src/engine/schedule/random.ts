// Random draws of the schedule searches, on the engine's seeded generator (../random.ts).

import type { Random } from "../random";

export { seededRandom, type Random } from "../random";

/** A uniform integer in [0, n). */
export function randomInt(random: Random, n: number): number {
  return Math.floor(random() * n);
}

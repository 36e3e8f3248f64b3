// Relinking one machine's sequence: move an operation just after or just before another one.
import type { MachineLinks } from "./disjunctiveGraph";

function unlink(links: MachineLinks, u: number): void {
  const { mPred, mSucc } = links;
  const a = mPred[u], b = mSucc[u];
  if (a >= 0) mSucc[a] = b;
  if (b >= 0) mPred[b] = a;
  mPred[u] = mSucc[u] = -1;
}

/** Moves u (same machine as v) to just after v. */
export function moveAfter(links: MachineLinks, u: number, v: number): void {
  unlink(links, u);
  const { mPred, mSucc } = links;
  const b = mSucc[v];
  mSucc[v] = u;
  mPred[u] = v;
  mSucc[u] = b;
  if (b >= 0) mPred[b] = u;
}

/** Moves u (same machine as v) to just before v. */
export function moveBefore(links: MachineLinks, u: number, v: number): void {
  unlink(links, u);
  const { mPred, mSucc } = links;
  const a = mPred[v];
  mPred[v] = u;
  mSucc[u] = v;
  mPred[u] = a;
  if (a >= 0) mSucc[a] = u;
}

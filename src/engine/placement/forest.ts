// Spanning forests of a placement network: the forest test behind `auto`, the rooted layout
// the tree DP walks, and the choice of tree arcs for the branch-and-bound relaxation.

import type { PlacementNetwork } from "./network";
import { buildPlacementNetwork } from "./network";
import type { PlacementProblem } from "./types";

/** True when the underlying undirected graph is a forest (no undirected cycle, no parallel arcs). */
export function isSpanningTree(problem: PlacementProblem): boolean {
  const net = buildPlacementNetwork(problem);
  return spanningForestArcs(net, []).length === net.arcFrom.length;
}

/** A small union-find over stage indexes. */
class DisjointSets {
  private readonly parent: Int32Array;
  constructor(n: number) {
    this.parent = Int32Array.from({ length: n }, (_, i) => i);
  }
  find(a: number): number {
    while (this.parent[a] !== a) {
      this.parent[a] = this.parent[this.parent[a]];
      a = this.parent[a];
    }
    return a;
  }
  union(a: number, b: number): boolean {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return false;
    this.parent[ra] = rb;
    return true;
  }
}

/**
 * Arc indexes of a spanning forest, taking arcs in `priority` order first (Kruskal), then the rest
 * in input order. Returns the kept arc indexes.
 */
export function spanningForestArcs(net: PlacementNetwork, priority: number[]): number[] {
  const sets = new DisjointSets(net.n);
  const kept: number[] = [];
  const seen = new Uint8Array(net.arcFrom.length);
  const consider = (a: number): void => {
    if (seen[a]) return;
    seen[a] = 1;
    if (sets.union(net.arcFrom[a], net.arcTo[a])) kept.push(a);
  };
  priority.forEach(consider);
  for (let a = 0; a < net.arcFrom.length; a++) consider(a);
  return kept.sort((a, b) => a - b);
}

/** A forest rooted at one stage per component, as the tree DP walks it. */
export interface TreeLayout {
  /** Stages in breadth-first order from the roots: parents before children. */
  order: number[];
  parent: Int32Array;
  /** 1 when the arc joining j to its parent is j → parent (j supplies it), 2 when parent → j; 0 at a root. */
  parentArc: Uint8Array;
  /** Children u with a tree arc u → j (j's suppliers in the subtree). */
  supplierChildren: number[][];
  /** Children d with a tree arc j → d (j's customers in the subtree). */
  customerChildren: number[][];
  /** All tree neighbours upstream of j (arcs i → j), parent included. */
  treeUpstream: number[][];
}

/** Roots each component of the forest formed by `treeArcs` (arc indexes of `net`). */
export function layoutForest(net: PlacementNetwork, treeArcs: number[]): TreeLayout {
  const n = net.n;
  const neighbours: { k: number; up: boolean }[][] = Array.from({ length: n }, () => []);
  const treeUpstream: number[][] = Array.from({ length: n }, () => []);
  for (const a of treeArcs) {
    const i = net.arcFrom[a];
    const j = net.arcTo[a];
    neighbours[j].push({ k: i, up: true });
    neighbours[i].push({ k: j, up: false });
    treeUpstream[j].push(i);
  }
  const parent = new Int32Array(n).fill(-1);
  const parentArc = new Uint8Array(n);
  const supplierChildren: number[][] = Array.from({ length: n }, () => []);
  const customerChildren: number[][] = Array.from({ length: n }, () => []);
  const visited = new Uint8Array(n);
  const order: number[] = [];
  for (let r = 0; r < n; r++) {
    if (visited[r]) continue;
    visited[r] = 1;
    order.push(r);
    for (let head = order.length - 1; head < order.length; head++) {
      const j = order[head];
      for (const { k, up } of neighbours[j]) {
        if (visited[k]) continue;
        visited[k] = 1;
        parent[k] = j;
        parentArc[k] = up ? 1 : 2;
        (up ? supplierChildren : customerChildren)[j].push(k);
        order.push(k);
      }
    }
  }
  return { order, parent, parentArc, supplierChildren, customerChildren, treeUpstream };
}

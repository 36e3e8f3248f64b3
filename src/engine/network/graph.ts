// Graph work on the network's arcs (docs/model.md §0): topological order, cycles, undirected shape.

export interface IndexArc {
  from: number;
  to: number;
}

/** Stages in topological order (suppliers before their customers), or null when there is a cycle. */
export function topologicalOrder(stageCount: number, arcs: readonly IndexArc[]): number[] | null {
  const indegree = new Array<number>(stageCount).fill(0);
  const out: number[][] = Array.from({ length: stageCount }, () => []);
  for (const arc of arcs) {
    indegree[arc.to]++;
    out[arc.from].push(arc.to);
  }
  const order: number[] = [];
  for (let i = 0; i < stageCount; i++) if (indegree[i] === 0) order.push(i);
  for (let head = 0; head < order.length; head++) {
    for (const next of out[order[head]]) if (--indegree[next] === 0) order.push(next);
  }
  return order.length === stageCount ? order : null;
}

/** The arc indexes of one directed cycle, in order, or null when the arcs are acyclic. */
export function findCycle(stageCount: number, arcs: readonly IndexArc[]): number[] | null {
  const out: number[][] = Array.from({ length: stageCount }, () => []);
  arcs.forEach((arc, k) => out[arc.from].push(k));
  const state = new Uint8Array(stageCount); // 0 new, 1 on the path, 2 done
  const viaArc = new Int32Array(stageCount).fill(-1);
  for (let root = 0; root < stageCount; root++) {
    if (state[root] !== 0) continue;
    const stack: { node: number; next: number }[] = [{ node: root, next: 0 }];
    state[root] = 1;
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      if (top.next === out[top.node].length) {
        state[top.node] = 2;
        stack.pop();
        continue;
      }
      const k = out[top.node][top.next++];
      const child = arcs[k].to;
      if (state[child] === 1) {
        const cycle = [k];
        for (let node = top.node; node !== child; node = arcs[viaArc[node]].from) cycle.unshift(viaArc[node]);
        return cycle;
      }
      if (state[child] === 0) {
        state[child] = 1;
        viaArc[child] = k;
        stack.push({ node: child, next: 0 });
      }
    }
  }
  return null;
}

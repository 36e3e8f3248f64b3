// Candidate lists of the ATSP local search: for every node its k cheapest successors and its k
// cheapest predecessors, so moves only try new edges that are short from one side or the other.

/**
 * For each node a, its k cheapest successors b by c[a][b] (or predecessors by c[b][a] when
 * `incoming`), row a at `lists[a * k .. a * k + k)`, ties broken by node number.
 * @example neighbourLists(Float64Array.of(0, 1, 9, 9, 0, 1, 1, 9, 0), 3, 1, false) // Int32Array [1, 2, 0]
 */
export function neighbourLists(c: Float64Array, n: number, k: number, incoming: boolean): Int32Array {
  const lists = new Int32Array(n * k);
  const others: number[] = [];
  for (let a = 0; a < n; a++) {
    others.length = 0;
    for (let b = 0; b < n; b++) if (b !== a) others.push(b);
    const w = (b: number) => (incoming ? c[b * n + a] : c[a * n + b]);
    others.sort((x, y) => w(x) - w(y) || x - y);
    for (let t = 0; t < k; t++) lists[a * k + t] = others[t];
  }
  return lists;
}

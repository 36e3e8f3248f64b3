// The heavy custom functions' trip through the functions worker: calls of one burst travel as one
// batch, each resolves with the cells the function computes in-process, the four forecast functions
// share one fit per history and horizon, and a worker that fails answers with #VALUE! and is replaced.
import * as F from "../../src/functions/functions";
import { ForecastCache, forecastCells } from "../../src/functions/forecastCells";
import { CELL_FUNCTIONS } from "../../src/functions/cellFunctions";
import { spillSize, WORKER_CELLS } from "../../src/functions/cellCall";

/** What office.js passes for an error cell. */
const excelError = (code: string) => Object.assign(new Error(""), { name: "CustomFunctions.Error", code });
import { setFunctionsWorkerFactory } from "../../src/functions/worker/functionsClient";
import { inProcessFunctionsWorker } from "../../src/functions/worker/inProcessWorker";
import type { HeavyReply, HeavyRequest, HeavyWorkerLike } from "../../src/functions/worker/protocol";
import { callServer } from "../../src/functions/worker/serveCalls";

const history = [20, 22, 19, 24, 21, 23, 25, 22, 24, 26, 23, 27, 25, 28];
const column = (values: number[]) => values.map((v) => [v]);

afterEach(() => setFunctionsWorkerFactory(inProcessFunctionsWorker));

describe("functions client ↔ worker", () => {
  it("a burst of calls goes as one message; every promise gets its own cells", async () => {
    const sent: HeavyRequest[] = [];
    setFunctionsWorkerFactory(() => {
      const inner = inProcessFunctionsWorker();
      const spy: HeavyWorkerLike = {
        set onmessage(handler) { inner.onmessage = handler; },
        get onmessage() { return inner.onmessage; },
        onerror: null,
        postMessage: (m) => { sent.push(m); inner.postMessage(m); },
        terminate: () => inner.terminate(),
      };
      return spy;
    });
    const histories = Array.from({ length: 40 }, (_, k) => history.map((v) => v + k));
    const answers = await Promise.all(histories.map((h) => F.forecastRateFn(column(h))));
    expect(sent).toHaveLength(1);
    expect(sent[0].calls).toHaveLength(40);
    const cache = new ForecastCache();
    answers.forEach((cells, k) => expect(cells).toEqual(forecastCells("forecastRate", [column(histories[k])], cache)));
  });

  it("the four forecast functions of one history fit once per horizon (FORECAST_ERROR_SD and FORECAST_MODEL share horizon 1)", async () => {
    const cache = new ForecastCache();
    const replies: HeavyReply[] = [];
    const serve = callServer((r) => replies.push(r), () => 0, cache);
    const h = column(history);
    serve({ type: "calls", calls: [
      { id: 1, fn: "forecast", args: [h, [[12]], null] }, { id: 2, fn: "forecastRate", args: [h, null, null] },
      { id: 3, fn: "forecastErrorSd", args: [h, null] }, { id: 4, fn: "forecastModel", args: [h, null] },
      { id: 5, fn: "forecast", args: [h, [[12]], null] },
    ] });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const results = replies.flatMap((r) => r.results);
    expect(results.map((r) => r.id)).toEqual([1, 2, 3, 4, 5]);
    expect(cache.fits).toBe(2);
    expect(cache.hits).toBe(3);
    expect(results[0].cells).toHaveLength(12);
    expect(results[1].cells[0][0]).toBeCloseTo((results[0].cells as number[][]).reduce((a, [v]) => a + v, 0) / 12, 12);
  });

  it("a cell-by-cell function answers at once up to 2,000 cells, and from the worker beyond, with the same cells", async () => {
    const small = Array.from({ length: WORKER_CELLS }, (_, i) => [i + 1]);
    expect(Array.isArray(F.eoq(small, [[50]], [[2]]))).toBe(true);
    const big = [...small, [excelError("#DIV/0!")], ["12"]];
    const fromWorker = await F.eoq(big, [[50]], [[2]]);
    const inProcess = CELL_FUNCTIONS.EOQ(big, [[50]], [[2]]);
    const plain = (grid: unknown[][]) => grid.map((row) => row.map((c) => (typeof c === "number" ? c : { code: (c as { code: string }).code, message: (c as { message: string }).message })));
    expect(plain(fromWorker)).toEqual(plain(inProcess));
    expect(plain(fromWorker)[WORKER_CELLS]).toEqual([{ code: "#VALUE!", message: "demandRate holds the error #DIV/0!" }]);
    expect(spillSize([[[1, 2, 3]], [[1], [2]], 5])).toBe(6);
  });

  it("error cells cross as plain { code, message } and come back as error cells", async () => {
    const [[cell]] = await F.forecastFn(column(history), [[0]]);
    expect(cell).toMatchObject({ code: "#VALUE!" });
    expect((cell as { message: string }).message).toContain("horizon");
  });

  it("APS.PLAN runs in the worker, also with a Settings range that sets its own placementTimeLimit", async () => {
    const stages = [["Id", "Demand Rate", "Demand Sd", "Processing Time", "Holding Cost", "Order Cost"], ["A", 10, 2, 1, 1, 50]];
    const spilled = await F.planFn(stages, [["From", "To", "Quantity"]], [["Name", "Value"], ["placementTimeLimit", 30]]);
    expect(spilled[1][0]).toBe("A");
  });

  it("a worker that fails answers its open calls with #VALUE! and is replaced on the next call", async () => {
    let made = 0;
    setFunctionsWorkerFactory(() => {
      made += 1;
      const broken: HeavyWorkerLike = {
        onmessage: null, onerror: null, terminate: () => undefined,
        postMessage: () => setTimeout(() => broken.onerror?.({ message: "out of memory" }), 0),
      };
      return broken;
    });
    const [[first]] = await F.forecastModelFn(column(history));
    expect(first).toMatchObject({ code: "#VALUE!" });
    expect((first as { message: string }).message).toMatch(/calculation worker stopped \(out of memory\)/);
    await F.forecastModelFn(column(history));
    expect(made).toBe(2);
  });
});

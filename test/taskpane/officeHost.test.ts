// Outside Office the pane must open as in a browser: office.js missing, throwing, rejecting or never
// answering all mean "no host", never an uncaught error or a pane stuck on "Connecting".
import { detectOfficeHost } from "../../src/taskpane/officeHost";

const g = globalThis as { Office?: unknown };

afterEach(() => {
  delete g.Office;
});

describe("detectOfficeHost", () => {
  test("no office.js: outside Office", async () => {
    expect(await detectOfficeHost()).toEqual({ host: null, platform: null });
  });

  test("office.js in Excel: the host and platform as strings", async () => {
    g.Office = { onReady: async () => ({ host: "Excel", platform: "OfficeOnline" }) };
    expect(await detectOfficeHost()).toEqual({ host: "Excel", platform: "OfficeOnline" });
  });

  test("office.js in a plain browser (host null), throwing, rejecting, or half loaded: outside Office", async () => {
    g.Office = { onReady: async () => ({ host: null, platform: null }) };
    expect(await detectOfficeHost()).toEqual({ host: null, platform: null });
    g.Office = { onReady: () => { throw new Error("boom"); } };
    expect(await detectOfficeHost()).toEqual({ host: null, platform: null });
    g.Office = { onReady: () => Promise.reject(new Error("blocked")) };
    expect(await detectOfficeHost()).toEqual({ host: null, platform: null });
    g.Office = {};
    expect(await detectOfficeHost()).toEqual({ host: null, platform: null });
  });

  test("office.js that never answers: outside Office after the wait", async () => {
    g.Office = { onReady: () => new Promise(() => undefined) };
    expect(await detectOfficeHost(20)).toEqual({ host: null, platform: null });
  });
});

// Fuzz test of `aps reschedule` (and `aps schedule` on aps-shop/1): over 10,000 generated bad or
// odd inputs — damaged aps-shop/1 and aps-schedule/1 JSON, job-shop text, arguments, and a few
// hundred workbooks — it always exits 0 or 2, never prints a stack trace, and names the file.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { main } from "../../src/cli/main";

const dir = mkdtempSync(path.join(tmpdir(), "aps-reschedule-fuzz-"));
const SHOP = path.join(dir, "shop.json"), PUBLISHED = path.join(dir, "published.json"), TEXT = path.join(dir, "shop.txt"), BOOK = path.join(dir, "shop.xlsx");

async function run(args: string[]) {
  let stdout = "", stderr = "";
  const status = await main(args, { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; } });
  return { status, stdout, stderr, args };
}

function expectClean(r: { status: number; stderr: string; args: string[] }, names: string[]) {
  const said = `aps ${r.args.join(" ")}`;
  if (r.status !== 0 && r.status !== 2) throw new Error(`${said}: exit ${r.status}: ${r.stderr}`);
  if (r.stderr.includes("\n    at ")) throw new Error(`${said}: stack trace: ${r.stderr}`);
  if (r.status === 2 && !names.some((n) => r.stderr.includes(n))) throw new Error(`${said}: the message names neither ${names.join(" nor ")}: ${r.stderr}`);
}

const baseShop = () => ({
  format: "aps-shop/1",
  jobs: [
    { id: "A", due: 18, weight: 2, release: 0, customer: "Acme", operations: [{ machine: "Saw", duration: 3 }, { machine: "Mill", duration: 4 }] },
    { id: "B", due: 12, operations: [{ machine: "Mill", duration: 2 }, { machine: "Saw", duration: 5 }] },
    { id: "C", operations: [{ machine: "Saw", duration: 2 }] },
  ] as Record<string, unknown>[],
  downtime: [{ machine: "Mill", from: 10, to: 14 }] as unknown[],
  customers: [{ id: "Acme", tier: 1, latest: 16 }] as unknown[],
});
const basePublished = () => ({
  format: "aps-schedule/1", jobNames: ["A", "B"], machineNames: ["Saw", "Mill"],
  operations: [
    { job: 0, step: 0, machine: 0, start: 0, end: 3 }, { job: 0, step: 1, machine: 1, start: 3, end: 7 },
    { job: 1, step: 0, machine: 1, start: 0, end: 2 }, { job: 1, step: 1, machine: 0, start: 3, end: 8 },
  ] as Record<string, unknown>[],
});

/** Odd values a field might hold. */
const oddValue = fc.oneof(
  fc.constantFrom(null, true, false, "", " ", "x", "NaN", -1, 0, 1, 2, 3, 1e308, -0.5, 7.5, [], {}, "Saw", "Mill", "A", "Z"),
  fc.integer({ min: -5, max: 30 }), fc.double({ noNaN: false }), fc.string({ maxLength: 6 }),
);
/** A path into the shop or published object, and the value put there. */
const shopEdit = fc.tuple(fc.constantFrom("format", "jobs", "downtime", "customers", "escalation", "job", "operation", "downtimeField", "customerField"), fc.constantFrom("id", "due", "weight", "release", "customer", "operations", "machine", "duration", "from", "to", "tier", "latest", "earliest", "cancelled", "daysLateFrom", "level"), fc.nat(4), oddValue);

function applyShopEdit(shop: ReturnType<typeof baseShop>, [where, key, i, value]: [string, string, number, unknown]): unknown {
  const s = shop as Record<string, unknown>;
  if (!Array.isArray(shop.jobs) || shop.jobs.length === 0 || !Array.isArray(shop.downtime) || !Array.isArray(shop.customers) || shop.jobs.some((j) => !j || !Array.isArray(j.operations))) { s.extra = value; return shop; }
  if (where === "format" || where === "jobs" || where === "downtime" || where === "customers" || where === "escalation") s[where === "format" ? "format" : where] = value;
  else if (where === "job" && shop.jobs[i % shop.jobs.length]) shop.jobs[i % shop.jobs.length][key] = value;
  else if (where === "operation") { const ops = shop.jobs[i % shop.jobs.length].operations as Record<string, unknown>[]; if (ops[0]) ops[0][key] = value; }
  else if (where === "downtimeField" && shop.downtime[0]) (shop.downtime[0] as Record<string, unknown>)[key] = value;
  else if (where === "customerField" && shop.customers[0]) (shop.customers[0] as Record<string, unknown>)[key] = value;
  return shop;
}

const publishedEdit = fc.tuple(fc.constantFrom("format", "jobNames", "machineNames", "operations", "op", "drop", "add"), fc.constantFrom("job", "step", "machine", "start", "end"), fc.nat(5), oddValue);
function applyPublishedEdit(p: ReturnType<typeof basePublished>, [where, key, i, value]: [string, string, number, unknown]): unknown {
  const r = p as Record<string, unknown>;
  if (!Array.isArray(p.operations) || p.operations.length === 0 || p.operations.some((o) => !o || typeof o !== "object")) { r.extra = value; return p; }
  if (where === "op") p.operations[i % p.operations.length][key] = value;
  else if (where === "drop") p.operations.splice(i % p.operations.length, 1);
  else if (where === "add") p.operations.push({ job: i % 3, step: i % 2, machine: i % 2, start: typeof value === "number" ? value : 1, end: 9 });
  else r[where] = value;
  return p;
}

const options = fc.tuple(fc.constantFrom("0", "1", "3", "10", "-1", "x", ""), fc.constantFrom("0", "2", "", "abc"), fc.boolean(), fc.constantFrom(undefined, "A", "C", "Q"));
const argsFor = (shop: string, published: string, [now, frozen, json, promise]: [string, string, boolean, string | undefined]) =>
  ["reschedule", shop, published, "--now", now, "--frozen", frozen, "--iterations", "3", ...(json ? ["--json"] : []), ...(promise ? ["--promise", promise] : [])];

describe("aps reschedule never crashes on bad input", () => {
  jest.setTimeout(300_000);

  it("damaged aps-shop/1 files (5,000 cases)", async () => {
    await fc.assert(fc.asyncProperty(fc.array(shopEdit, { minLength: 1, maxLength: 3 }), options, async (edits, opts) => {
      let shop: unknown = baseShop();
      for (const e of edits) shop = applyShopEdit(shop as ReturnType<typeof baseShop>, e as [string, string, number, unknown]);
      writeFileSync(SHOP, JSON.stringify(shop));
      writeFileSync(PUBLISHED, JSON.stringify(basePublished()));
      const r = await run(argsFor(SHOP, PUBLISHED, opts));
      expectClean(r, ["shop.json", "published.json", "--now", "--frozen", "--promise"]);
    }), { numRuns: 5000 });
  });

  it("damaged aps-schedule/1 files (3,500 cases)", async () => {
    writeFileSync(SHOP, JSON.stringify(baseShop()));
    await fc.assert(fc.asyncProperty(fc.array(publishedEdit, { minLength: 1, maxLength: 3 }), options, async (edits, opts) => {
      let p: unknown = basePublished();
      for (const e of edits) p = applyPublishedEdit(p as ReturnType<typeof basePublished>, e as [string, string, number, unknown]);
      writeFileSync(PUBLISHED, JSON.stringify(p));
      const r = await run(argsFor(SHOP, PUBLISHED, opts));
      expectClean(r, ["shop.json", "published.json", "--now", "--frozen", "--promise"]);
    }), { numRuns: 3500 });
  });

  it("job-shop text, raw bytes and truncated JSON (1,500 cases), also through aps schedule", async () => {
    const text = fc.oneof(
      fc.string({ maxLength: 80 }),
      fc.array(fc.array(fc.constantFrom("0", "1", "2", "3", "-1", "x", "2.5", "9"), { maxLength: 6 }).map((w) => w.join(" ")), { maxLength: 5 }).map((l) => l.join("\n")),
      fc.nat(120).map((n) => JSON.stringify(baseShop()).slice(0, n)),
    );
    writeFileSync(PUBLISHED, JSON.stringify({ format: "aps-schedule/1", operations: [{ job: 0, step: 0, machine: 0, start: 0, end: 1 }] }));
    await fc.assert(fc.asyncProperty(text, fc.boolean(), async (t, viaSchedule) => {
      writeFileSync(TEXT, t);
      const r = viaSchedule ? await run(["schedule", TEXT, "--iterations", "3", "--json"]) : await run(["reschedule", TEXT, PUBLISHED, "--now", "0", "--iterations", "3"]);
      expectClean(r, ["shop.txt", "published.json"]);
    }), { numRuns: 1500 });
  });

  it("odd arguments (300 cases)", async () => {
    writeFileSync(SHOP, JSON.stringify(baseShop()));
    writeFileSync(PUBLISHED, JSON.stringify(basePublished()));
    const arg = fc.constantFrom("--now", "--frozen", "--time-limit", "--iterations", "--seed", "--promise", "--quantity", "--objective", "--out", "--json", "--bogus", "0", "x", "-3", SHOP, PUBLISHED, path.join(dir, "missing.json"), path.join(dir, "out.json"));
    await fc.assert(fc.asyncProperty(fc.array(arg, { maxLength: 8 }), async (args) => {
      // Relative --out names would land in the working folder: keep every output in the temporary one.
      const safe = args.map((a, i) => (i > 0 && args[i - 1] === "--out" && !path.isAbsolute(a) ? path.join(dir, a) : a));
      const withBudget = safe.includes("--iterations") || safe.includes("--time-limit") ? safe : [...safe, "--iterations", "2"];
      const r = await run(["reschedule", ...withBudget]);
      expectClean(r, ["usage", "--", "shop.json", "published.json", "missing.json", "SHOP", "JSON"]);
    }), { numRuns: Number(process.env.FUZZ_ARGS ?? 300) });
  });

  it("workbooks with odd cells (200 cases)", async () => {
    const cell = fc.oneof(fc.constantFrom(null, "", "Saw", "Mill", "A", "B", "yes", "=1+1", "-3", "x"), fc.integer({ min: -3, max: 20 }));
    await fc.assert(fc.asyncProperty(fc.array(fc.array(cell, { minLength: 8, maxLength: 8 }), { minLength: 0, maxLength: 4 }), fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { maxLength: 2 }), fc.array(fc.array(cell, { minLength: 5, maxLength: 5 }), { maxLength: 3 }), async (ops, downs, pubs) => {
      const book = new ExcelJS.Workbook();
      const add = (name: string, headers: string[], rows: unknown[][]) => { const s = book.addWorksheet(name); s.addRow(headers); for (const r of rows) s.addRow(r); };
      add("Operations", ["Job", "Step", "Machine", "Duration", "Due Date", "Weight", "Release", "Customer"], [["A", 0, "Saw", 3, 9, 1, 0, null], ...ops]);
      if (downs.length) add("Downtime", ["Machine", "From", "To"], downs);
      add("Published Schedule", ["Machine", "Job", "Step", "Start", "End"], [["Saw", "A", 0, 0, 3], ...pubs]);
      await book.xlsx.writeFile(BOOK);
      const r = await run(["reschedule", BOOK, BOOK, "--now", "1", "--iterations", "3", "--json"]);
      expectClean(r, ["shop.xlsx"]);
    }), { numRuns: 200 });
  });
});

// The leak property with a supply plan over time: random multi-partner books with Demands and supply
// settings are shared with every partner (HiGHS solving the plan); no package holds another partner's
// stage, name or period figure (another partner's planned receipts), and its Period Requests name its own stages only.

import fc from "fast-check";
import JSZip from "jszip";
import { memoryPort } from "../../src/workbook/jobs/memoryPort";
import { shareWithPartner } from "../../src/workbook/collaborate/share";
import { loadHighs } from "../supply/loadHighs";
import { randomBook, STAGE_HEADERS } from "./randomBook";
import { table } from "./support";

function unescape(xml: string): string {
  return xml.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
}

/** A random book made a supply plan: distinct arc quantities, lead times of 0-2 periods, demand at its products. */
function supplyBook(n: number, partnerCount: number, seed: number) {
  const book = randomBook(n, partnerCount, seed);
  const tables = { ...book.tables };
  const stages = tables.Stages!;
  tables.Stages = table("Stages", [...STAGE_HEADERS, "Lead Time Periods", "Safety Stock Target"], stages.rows.map((r, j) => [...r, j % 3, 0]));
  tables.Arcs = table("Arcs", ["From", "To", "Quantity"], tables.Arcs!.rows.map((r, k) => [r[0], r[1], Number((1 + ((seed + 7 * k) % 13) / 8).toFixed(3))]));
  tables.Settings = table("Settings", ["Name", "Value"], [...tables.Settings!.rows, ["horizon", 6], ["planStart", "2027-01-04"]]);
  const products = book.stages.filter((s) => s.id.startsWith("Prod"));
  tables.Demands = table("Demands", ["Stage", "Period", "Quantity"], products.flatMap((p, k) => [4, 5, 6].map((t) => [p.id, t, 10 + k + t * 1.25])));
  return { ...book, tables };
}

describe("a package with Period Requests leaks nothing", () => {
  it("holds no other partner's stage, name or period figure, and requests for its own stages only", async () => {
    const highs = await loadHighs();
    await fc.assert(fc.asyncProperty(fc.integer({ min: 4, max: 14 }), fc.integer({ min: 2, max: 3 }), fc.integer({ min: 0, max: 1e6 }), async (n, partnerCount, seed) => {
      const book = supplyBook(n, partnerCount, seed);
      const packages: { partner: string; outcome: Extract<Awaited<ReturnType<typeof shareWithPartner>>, { ok: true }> }[] = [];
      for (const partner of book.partners) {
        const outcome = await shareWithPartner(memoryPort(book.tables), { partner, now: "2026-12-01T10:00:00Z", user: "ann", newWorkbookId: "0123456789abcdef", lpSolver: highs });
        if (!outcome.ok) throw new Error(outcome.errors.join("\n"));
        packages.push({ partner, outcome });
      }
      const requestsOf = (partner: string) => packages.find((p) => p.partner === partner)!.outcome.package.tables.find((t) => t.name === "Period Requests")!.rows;
      expect(packages.some((p) => requestsOf(p.partner).length > 0)).toBe(true);
      for (const { partner, outcome } of packages) {
        const zip = await JSZip.loadAsync(outcome.bytes);
        let xml = "";
        for (const entry of Object.values(zip.files)) if (!entry.dir) xml += `\n${entry.name}\n${unescape(await entry.async("string"))}`;
        const own = new Set(book.stages.filter((s) => s.owner === partner).map((s) => s.id));
        const periods = requestsOf(partner);
        for (const row of periods) expect(own.has(String(row[0]))).toBe(true);
        for (const other of book.partners.filter((p) => p !== partner)) expect(xml).not.toContain(other);
        for (const s of book.stages) {
          if (s.owner !== partner && s.owner !== "Buyer") expect(xml).not.toContain(s.id);
          for (const secret of s.privateText) expect(xml).not.toContain(secret);
        }
        // Another partner's planned receipts (all from the same plan) are never a cell of this package, unless also issued to it.
        const issued = new Set(outcome.package.tables.flatMap((t) => t.rows.flat()).filter((v): v is number => typeof v === "number").map((v) => v.toFixed(2)));
        const cells = new Set([...xml.matchAll(/<c [^>]*?><v>([^<]*)<\/v><\/c>/g)].map((m) => Number(m[1])).filter(Number.isFinite).map((v) => v.toFixed(2)));
        for (const other of book.partners.filter((p) => p !== partner)) {
          for (const row of requestsOf(other)) {
            const text = (row[3] as number).toFixed(2);
            if (!issued.has(text)) expect(cells.has(text)).toBe(false);
          }
        }
        expect(xml).not.toMatch(/<f[\s>]/);
      }
    }), { numRuns: 6 });

  }, 180_000);
});

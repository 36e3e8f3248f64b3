// The property that matters most: a package holds nothing its partner must not see. Random books with
// distinctive private values and several partners are shared with every partner; every zip part of
// every package is unzipped and searched (independently of the add-in's own leak check).

import fc from "fast-check";
import JSZip from "jszip";
import { memoryPort } from "../../src/workbook/jobs/memoryPort";
import { shareWithPartner } from "../../src/workbook/collaborate/share";
import { randomBook } from "./randomBook";

function unescape(xml: string): string {
  return xml.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
}

function numberPattern(text: string): RegExp {
  return new RegExp(`(?<![\\d.])${text.replace(".", "\\.")}(?![\\d])`);
}

describe("a partner's package leaks nothing", () => {
  it("holds no other partner's stage id or name, no cost, no private column value and no other partner's figure, in any part", async () => {
    await fc.assert(fc.asyncProperty(fc.integer({ min: 4, max: 24 }), fc.integer({ min: 2, max: 4 }), fc.integer(), async (n, partnerCount, seed) => {
      const book = randomBook(n, partnerCount, seed);
      for (const partner of book.partners) {
        const outcome = await shareWithPartner(memoryPort(book.tables), { partner, now: "2026-12-01T10:00:00Z", user: "ann", newWorkbookId: "0123456789abcdef" });
        if (!outcome.ok) throw new Error(outcome.errors.join("\n"));
        const zip = await JSZip.loadAsync(outcome.bytes);
        let xml = "";
        for (const entry of Object.values(zip.files)) if (!entry.dir) xml += `\n${entry.name}\n${unescape(await entry.async("string"))}`;
        // The partner's own stages are there.
        for (const s of book.stages.filter((s) => s.owner === partner)) expect(xml).toContain(s.id);
        for (const other of book.partners.filter((p) => p !== partner)) expect(xml).not.toContain(other);
        for (const s of book.stages) {
          if (s.owner !== partner && s.owner !== "Buyer") expect(xml).not.toContain(s.id);
          for (const secret of s.privateText) expect(xml).not.toContain(secret);
          for (const value of [...s.costs, ...s.privateNumbers]) {
            for (const form of [String(value), value.toFixed(4), value.toFixed(2)]) expect(xml).not.toMatch(numberPattern(form));
          }
          if (s.owner !== partner && s.owner !== "Buyer") {
            for (const value of s.figures.filter((v) => v > 0.01)) for (const form of [String(value), value.toFixed(4)]) expect(xml).not.toMatch(numberPattern(form));
          }
        }
        expect(xml).not.toMatch(/<f[\s>]/);
        expect(xml).not.toMatch(/state="(hidden|veryHidden)"|<definedName|<comment/);
      }
    }), { numRuns: 12 });
  }, 120_000);
});

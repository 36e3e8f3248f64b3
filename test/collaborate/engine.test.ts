// The collaboration engine by worked examples: SHA-256 against published vectors and node:crypto,
// the canonical form, the audit chain, reconciliation with tolerances.

import { createHash } from "node:crypto";
import fc from "fast-check";
import {
  appendAudit, AuditRow, canonicalHash, canonicalJson, reconcileCommitments, roundTo, sha256Hex, verifyAuditChain,
} from "../../src/engine/collaborate";

describe("sha256Hex", () => {
  it("gives the FIPS 180-4 example digests", () => {
    expect(sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")).toBe("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    expect(sha256Hex("a".repeat(1_000_000))).toBe("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  });
  it("equals node:crypto on random bytes of every length around the block edges", () => {
    fc.assert(fc.property(fc.uint8Array({ minLength: 0, maxLength: 300 }), (bytes) => {
      expect(sha256Hex(bytes)).toBe(createHash("sha256").update(bytes).digest("hex"));
    }), { numRuns: 400 });
    fc.assert(fc.property(fc.string({ unit: "grapheme", maxLength: 80 }), (text) => {
      expect(sha256Hex(text)).toBe(createHash("sha256").update(text, "utf8").digest("hex"));
    }), { numRuns: 200 });
  });
});

describe("canonicalJson", () => {
  it("sorts keys, normalises text to NFC and writes numbers in their shortest form", () => {
    expect(canonicalJson({ b: 1, a: "e\u0301", c: [2.5, null, true], d: -0 })).toBe('{"a":"é","b":1,"c":[2.5,null,true],"d":0}');
  });
  it("gives the same hash whatever the key order or the Unicode form", () => {
    expect(canonicalHash({ x: "Caf\u00e9", y: 2 })).toBe(canonicalHash({ y: 2, x: "Cafe\u0301" }));
    expect(canonicalHash({ x: 1 })).not.toBe(canonicalHash({ x: 1.0001 }));
  });
  it("rounds to the declared decimals, half away from zero, and rounding twice changes nothing", () => {
    expect(roundTo(2.345678, 4)).toBe(2.3457);
    expect(roundTo(1.00005, 4)).toBe(1.0001);
    expect(roundTo(-0.00001, 4)).toBe(0);
    fc.assert(fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.integer({ min: 0, max: 6 }), (x, d) => {
      expect(roundTo(roundTo(x, d), d)).toBe(roundTo(x, d));
    }));
    expect(() => roundTo(NaN, 2)).toThrow(RangeError);
  });
});

describe("the audit chain", () => {
  const entry = (k: number) => ({
    time: `2026-12-01T10:0${k}:00.000Z`, user: "ann", action: k === 0 ? "share" : "merge", packageId: "P-1", version: 1,
    partner: "FrameWorks", stage: k === 0 ? "" : "Frame Welding", figure: k === 0 ? "" : "Committed Service Time", before: k, after: k + 1, reason: "",
  });
  const chain = (): AuditRow[] => appendAudit([], [0, 1, 2, 3].map(entry));

  it("numbers rows on and verifies an untouched chain", () => {
    const rows = chain();
    expect(rows.map((r) => r.sequence)).toEqual([1, 2, 3, 4]);
    expect(rows[1].previousHash).toBe(rows[0].rowHash);
    expect(verifyAuditChain(rows).ok).toBe(true);
    const more = appendAudit(rows, [entry(4)]);
    expect(more.slice(0, 4)).toEqual(rows);
    expect(verifyAuditChain(more).ok).toBe(true);
  });
  it("finds an edited row", () => {
    const rows = chain();
    rows[2] = { ...rows[2], after: 99 };
    const verdict = verifyAuditChain(rows);
    expect(verdict).toMatchObject({ ok: false, brokenAt: 2 });
    expect(verdict.message).toMatch(/row 3.*edited/);
  });
  it("finds an edited row whose hash was recomputed, at the next row", () => {
    const rows = chain();
    const forged = appendAudit(rows.slice(0, 1), [{ ...entry(1), after: 42 }])[1];
    rows[1] = forged;
    expect(verifyAuditChain(rows)).toMatchObject({ ok: false, brokenAt: 2 });
  });
  it("finds an inserted and a deleted row", () => {
    const rows = chain();
    const inserted = [...rows.slice(0, 2), { ...rows[1] }, ...rows.slice(2)];
    expect(verifyAuditChain(inserted).ok).toBe(false);
    const deleted = [...rows.slice(0, 1), ...rows.slice(2)];
    expect(verifyAuditChain(deleted)).toMatchObject({ ok: false, brokenAt: 1 });
  });
  it("finds a removed last row through an anchor", () => {
    const rows = chain();
    expect(verifyAuditChain(rows.slice(0, 3)).ok).toBe(true);
    const verdict = verifyAuditChain(rows.slice(0, 3), [{ sequence: 4, rowHash: rows[3].rowHash, where: "Shares!K2" }]);
    expect(verdict.ok).toBe(false);
    expect(verdict.message).toMatch(/row 4, recorded in Shares!K2, is missing/);
  });
});

describe("reconcileCommitments", () => {
  const requests = [
    { stage: "Frame Welding", demandRate: 40, plannedRate: 50, serviceTimeAssumed: 0, safetyStock: 20 },
    { stage: "Tube Cutting", demandRate: 40, plannedRate: 45, serviceTimeAssumed: 1, safetyStock: 10 },
  ];
  const base = { partner: "FrameWorks", requests, deadline: "2026-12-08", answered: "2026-12-05T09:00:00Z", tableWhere: "Commitments!A1" };
  const row = (stage: string, rate: number | null, s: number | null, onHand: number | null) => ({
    stage, committedRate: rate, committedServiceTime: s, onHand, reasonCode: null, comment: null, where: `Commitments!A${stage.length}`,
  });

  it("names partner, stage and figure with the difference absolute and in per cent", () => {
    const out = reconcileCommitments({ ...base, tolerance: { time: 0, quantityPercent: 0 }, commitments: [row("Frame Welding", 45, 2, 15), row("Tube Cutting", 45, 1, 10)] });
    const rate = out.find((e) => e.figure === "Committed Rate")!;
    expect(rate).toMatchObject({ severity: "warning", partner: "FrameWorks", stage: "Frame Welding", planned: 50, committed: 45, difference: -5, differencePercent: -10 });
    const s = out.find((e) => e.figure === "Committed Service Time")!;
    expect(s).toMatchObject({ severity: "warning", difference: 2, differencePercent: null });
    expect(out.find((e) => e.figure === "On Hand")).toMatchObject({ difference: -5, differencePercent: -25 });
    expect(out).toHaveLength(3);
  });
  it("accepts a commitment inside the tolerance with an info", () => {
    const out = reconcileCommitments({ ...base, tolerance: { time: 2, quantityPercent: 10 }, commitments: [row("Frame Welding", 45, 2, 18), row("Tube Cutting", 45, 1, 10)] });
    expect(out.map((e) => e.severity)).toEqual(["info", "info", "info"]);
    expect(out[0].message).toMatch(/accepted/);
  });
  it("reports a missing row, a stage not in the package, a rate below demand and a late answer", () => {
    const out = reconcileCommitments({ ...base, answered: "2026-12-09T00:00:01Z", tolerance: { time: 0, quantityPercent: 0 }, commitments: [row("Frame Welding", 40, null, null), row("Gear Machining", 1, 1, 1)] });
    expect(out.find((e) => e.stage === "Gear Machining")?.message).toMatch(/not in the package/);
    expect(out.find((e) => e.stage === "Tube Cutting")?.figure).toBe("Commitment");
    expect(out.find((e) => e.figure === "Committed Rate")?.severity).toBe("error");
    expect(out.find((e) => e.figure === "Response Date")?.message).toMatch(/after the deadline of 2026-12-08/);
  });
});

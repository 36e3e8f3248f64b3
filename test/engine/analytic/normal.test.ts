// standardNormalInverse matches Excel's NORM.S.INV and round-trips through an independent CDF
// (Gauss-Legendre quadrature of the density, test/support/numeric.ts) to 1e-9 in x, tails included.
import fc from "fast-check";
import { standardNormalCdf, standardNormalInverse, zFromServiceLevel } from "../../../src/engine/normal";
import { PlanningInputError } from "../../../src/engine/errors";
import { normalCdfByQuadrature, normalDensity, relativeError, upperTailByQuadrature } from "../../support/numeric";

/** Error in x implied by the independent CDF: (Φ(x) − p)/φ(x), on the tail that keeps precision. */
function inverseError(p: number, x: number): number {
  const residual = p <= 0.5 ? normalCdfByQuadrature(x) - p : (1 - p) - upperTailByQuadrature(x);
  return Math.abs(residual / normalDensity(x));
}

describe("standardNormalInverse(p)", () => {
  it.each([
    [0.95, 1.6448536269514722],
    [0.975, 1.959963984540054],
    [1e-9, -5.997807015007686],
    [0.5, 0],
    [0.05, -1.6448536269514722],
    [0.99, 2.3263478740408408],
    [0.001, -3.090232306167813],
  ])("NORM.S.INV(%p) = %p", (p, expected) => {
    expect(Math.abs(standardNormalInverse(p) - expected)).toBeLessThan(1e-9);
  });

  it("round-trips through an independent CDF to 1e-9 in x over (1e-9, 1 − 1e-9), log-spaced in both tails", () => {
    fc.assert(
      fc.property(fc.double({ min: Math.log(1e-9), max: Math.log(0.5), noNaN: true }), fc.boolean(), (logQ, upper) => {
        const q = Math.exp(logQ);
        const p = upper ? 1 - q : q;
        const x = standardNormalInverse(p);
        expect(inverseError(p, x)).toBeLessThan(1e-9);
      }),
      { numRuns: 1500 },
    );
  });

  it("round-trips on a uniform grid of 2,001 points, including the ends 1e-9 and 1 − 1e-9", () => {
    let worst = 0;
    for (let i = 0; i <= 2000; i++) {
      const p = 1e-9 + (i / 2000) * (1 - 2e-9);
      worst = Math.max(worst, inverseError(p, standardNormalInverse(p)));
    }
    expect(worst).toBeLessThan(1e-9);
  });

  it("is antisymmetric: inverse(1 − p) = −inverse(p) for p = 2^-k", () => {
    for (let k = 2; k <= 29; k++) {
      const p = 2 ** -k;
      expect(Math.abs(standardNormalInverse(1 - p) + standardNormalInverse(p))).toBeLessThan(1e-12);
    }
  });

  it.each([0, 1, -0.1, 1.5, NaN, Infinity])("refuses p = %p naming p", (p) => {
    expect(() => standardNormalInverse(p)).toThrow(PlanningInputError);
    expect(() => standardNormalInverse(p)).toThrow(/^p must/);
  });
});

describe("standardNormalCdf(x)", () => {
  it("agrees with quadrature to 3e-13 relative from −37 to 8", () => {
    for (let x = -37; x <= 8; x += 0.03) {
      expect(relativeError(standardNormalCdf(x), normalCdfByQuadrature(x))).toBeLessThan(3e-13);
    }
  });
  it("gives 0 and 1 at the infinities and refuses NaN", () => {
    expect(standardNormalCdf(-Infinity)).toBe(0);
    expect(standardNormalCdf(Infinity)).toBe(1);
    expect(() => standardNormalCdf(NaN)).toThrow(/x must be a finite number/);
  });
});

describe("zFromServiceLevel(serviceLevel)", () => {
  it("is NORM.S.INV of the service level (0.97 → 1.8807936081512504)", () => {
    expect(Math.abs(zFromServiceLevel(0.97) - 1.8807936081512504)).toBeLessThan(1e-12);
  });
  it("refuses a service level of 1 with a message naming serviceLevel", () => {
    expect(() => zFromServiceLevel(1)).toThrow("serviceLevel must be strictly between 0 and 1 (got 1).");
  });
});

// The build ships HiGHS' WebAssembly for the supply job: dist/highs.wasm is the npm module's own file,
// and the job worker loads it by locateFile beside its script (no second, hashed copy). Needs `npm run build`.
import * as fs from "fs";
import * as path from "path";
import { built, DIST, ROOT } from "./support/paths";

describe("HiGHS in the built add-in", () => {
  it("copies highs.wasm into dist, byte for byte", () => {
    const shipped = fs.readFileSync(built("highs.wasm"));
    const original = fs.readFileSync(path.join(ROOT, "node_modules", "highs", "build", "highs.wasm"));
    expect(shipped.equals(original)).toBe(true);
    expect(fs.readdirSync(DIST).filter((f) => f.endsWith(".wasm"))).toEqual(["highs.wasm"]);
  });

  it("has the job worker find it with locateFile", () => {
    expect(fs.readFileSync(built("aps-jobs.js"), "utf8")).toMatch(/locateFile:\w+=>new URL\(\w+,self\.location\.href\)/);
  });
});

import fc from "fast-check";
import * as fs from "node:fs";
import { jobShopFile, tsplibFile } from "../test/fuzz/support/schedules";
import { garbageFile } from "../test/fuzz/support/files";
import { main } from "../src/cli/main";
const kind = process.argv[2];
const arb = kind === "js" ? jobShopFile("shop.txt") : kind === "ts" ? fc.oneof(tsplibFile("line.atsp"), tsplibFile("line.txt")) : fc.oneof(garbageFile("shop.txt"), garbageFile("line.atsp"));
(async () => {
  const samples = fc.sample(arb, { numRuns: Number(process.argv[3] ?? 3000), seed: 42 });
  let k = 0;
  for (const f of samples) {
    const file = `/tmp/hunt-${f.name}`;
    fs.writeFileSync(file, f.content as string);
    fs.writeFileSync("/tmp/hunt-last.txt", JSON.stringify(f));
    const t = Date.now();
    await main(["schedule", file, "--iterations", "20", "--seed", "1", "--json"], { stdout() {}, stderr() {} });
    if (Date.now() - t > 500) console.log("slow", Date.now() - t, JSON.stringify(f).slice(0, 300));
    k++;
  }
  console.log("done", k);
})();

// `npm run bench`: runs every bench/*.bench.ts (or those named on the command line) and prints their numbers.
// Benchmarks are never part of `npm test`.
import { readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const dir = import.meta.dirname;
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => only.length === 0 || only.some((name) => f.includes(name)))
  .sort();

for (const file of files) {
  console.log(`\n=== ${file}`);
  const bench = (await import(pathToFileURL(path.join(dir, file)).href)) as { run: () => Promise<void> };
  await bench.run();
}
process.exit(0);

// Row ids for the few inserts that go straight to SQLite (store/sqlite/), shaped like Prisma's cuid(): 25
// characters starting with "c" (time, counter, randomness), so callback data sized for cuids still fits.
import { randomBytes } from "node:crypto";

let counter = 0;

export function newId(): string {
  counter = (counter + 1) % 36 ** 4;
  const time = Date.now().toString(36).padStart(8, "0").slice(-8);
  const random = BigInt(`0x${randomBytes(8).toString("hex")}`)
    .toString(36)
    .padStart(12, "0")
    .slice(-12);
  return `c${time}${counter.toString(36).padStart(4, "0")}${random}`;
}

import { afterEach, beforeEach, expect, it } from "vitest";
import { freshDb } from "../test/support/db";
import { connectionOf, type Db } from "./client";

let db: Db;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ db, cleanup } = await freshDb()));
afterEach(() => cleanup());

const SETTINGS = ["journal_mode", "synchronous", "foreign_keys", "busy_timeout"];
const expected = ["wal", 2, 1, 5000]; // synchronous 2 = FULL

async function prismaSettings() {
  const values = [];
  for (const name of SETTINGS) {
    const [row] = await db.$queryRawUnsafe<Record<string, unknown>[]>(`PRAGMA ${name}`);
    values.push(Object.values(row).map((v) => (typeof v === "bigint" ? Number(v) : v))[0]);
  }
  return values;
}
const ownSettings = () => SETTINGS.map((name) => connectionOf(db).pragma(name, { simple: true }));

it("commits are on disk when they return (WAL, synchronous FULL), on Prisma's connection and ours, again after a reconnect", async () => {
  expect(await prismaSettings()).toEqual(expected);
  expect(ownSettings()).toEqual(expected);
  await db.$disconnect();
  expect(connectionOf(db).open).toBe(true); // reopened on demand
  expect(await prismaSettings()).toEqual(expected);
  expect(ownSettings()).toEqual(expected);
});

it("Prisma's disconnect closes our connection too", async () => {
  const own = connectionOf(db);
  await db.$disconnect();
  expect(own.open).toBe(false);
});

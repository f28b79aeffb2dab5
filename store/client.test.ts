import { afterEach, beforeEach, expect, it } from "vitest";
import { freshDb } from "../test/support/db";
import { connectionOf, type Db } from "./client";

let db: Db;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ db, cleanup } = await freshDb()));
afterEach(() => cleanup());

it("commits are on disk when they return (WAL, synchronous FULL), again after Prisma reconnects", async () => {
  const settings = async () => {
    const connection = await connectionOf(db);
    const read = (name: string) => connection.pragma(name, { simple: true });
    return [read("journal_mode"), read("synchronous"), read("foreign_keys")]; // Prisma turns safe (big) integers on
  };
  expect(await settings()).toEqual(["wal", 2n, 1n]);
  await db.$disconnect();
  expect(await settings()).toEqual(["wal", 2n, 1n]);
});

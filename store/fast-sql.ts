// The few statements that run on every update (duplicate guard, identity, conversation state, draft save) go
// straight to the SQLite connection under Prisma, prepared once: through Prisma each round trip cost about 1 ms
// of CPU in its query compiler (bench/self-review.bench.ts). Same connection, so the same transaction semantics.
import type BetterSqlite3 from "better-sqlite3";
import { connectionOf, type Db } from "./client";

const statements = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>();

export async function prepared(db: Db, sql: string): Promise<BetterSqlite3.Statement> {
  const connection = await connectionOf(db);
  let cache = statements.get(connection);
  if (!cache) statements.set(connection, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) {
    statement = connection.prepare(sql);
    if (statement.reader) statement.safeIntegers(false); // Prisma turns safe integers on for the whole connection
    cache.set(sql, statement);
  }
  return statement;
}

/** An instant exactly as Prisma's SQLite adapter writes DateTime columns. */
export function sqlInstant(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}

/** A boolean from a raw read: SQLite booleans are 0/1, and 0n/1n where Prisma turned safe integers on. */
export const flag = (value: unknown) => Number(value) === 1;

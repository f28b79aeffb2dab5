import type { PrismaClient } from "../generated/prisma/client";

export type Db = PrismaClient;
// Opening the database and entering Prisma's transactions belong to the raw SQLite path (store/sqlite/), which
// must know when a Prisma transaction is open.
export { openDb, inTransaction, type Tx } from "./sqlite";
/** For tests that set up failures: this module's own SQLite connection, and a setting for both connections. */
export { connectionOf, onEveryConnection } from "./sqlite";

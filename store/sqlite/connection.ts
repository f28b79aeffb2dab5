// Why a connection of our own: the few statements that run on every update (duplicate guard, identity,
// conversation state, draft save) cost about 1 ms of CPU each through Prisma's query compiler
// (bench/self-review.bench.ts), so they go to SQLite directly. They used to borrow the connection under Prisma's
// adapter through its undocumented `client` field; @prisma/adapter-better-sqlite3 6.19.3 offers no public way to
// it (its factory builds the better-sqlite3 Database itself and returns only the SqlDriverAdapter interface). So
// this module opens a second connection to the same file, and uses only that public interface on Prisma's side:
// `executeScript` for the settings, `startTransaction` (wrapped) to know when a Prisma transaction is open.
// Two connections means two writers (WAL allows one at a time). Within this process they never collide: a
// batched commit is synchronous, and it waits while a Prisma transaction is open (store/sqlite/group-commit.ts).
import Database from "better-sqlite3";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../../generated/prisma/client";
import { PrismaTransactions } from "./prisma-transactions";

/**
 * These settings belong to each connection (again after a reconnect), not to the file. FULL: a commit is on disk
 * when it returns, so a reply sent after it confirms something durable (in WAL mode better-sqlite3's default is
 * NORMAL, where a power loss may undo the last commits).
 */
const SETTINGS = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON;";

/** What this module keeps for each Db: its own connection (opened on demand) and Prisma's open transactions. */
export type Sqlite = { file: string; own: Database.Database | null; transactions: PrismaTransactions };

const opened = new WeakMap<PrismaClient, Sqlite>();

/** Prisma's adapter factory, setting up each connection it opens and counting the transactions on it. */
class SettingUpFactory extends PrismaBetterSQLite3 {
  constructor(
    url: string,
    private readonly sqlite: Sqlite,
  ) {
    super({ url });
  }
  override async connect() {
    const adapter = await super.connect();
    await adapter.executeScript(SETTINGS);
    this.sqlite.transactions.watch(adapter);
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      this.sqlite.own?.close(); // Prisma disconnects: our connection goes with its own
      return dispose();
    };
    return adapter;
  }
}

/** Opens the database. SQLite in WAL mode: readers never wait for the writer, commits stay durable. */
export async function openDb(url: string): Promise<PrismaClient> {
  const sqlite: Sqlite = { file: url.replace(/^file:/, ""), own: null, transactions: new PrismaTransactions() };
  const db = new PrismaClient({ adapter: new SettingUpFactory(url, sqlite) });
  opened.set(db, sqlite);
  await db.$connect();
  return db;
}

export function sqliteOf(db: PrismaClient): Sqlite {
  const sqlite = opened.get(db);
  if (!sqlite) throw new Error("this Db was not opened with openDb");
  return sqlite;
}

/** This module's own better-sqlite3 connection to the Db's file, (re)opened when needed. */
export function connectionOf(db: PrismaClient): Database.Database {
  const sqlite = sqliteOf(db);
  if (!sqlite.own?.open) {
    sqlite.own = new Database(sqlite.file, { fileMustExist: true });
    sqlite.own.exec(SETTINGS);
  }
  return sqlite.own;
}

/**
 * Runs `sql` (settings such as `PRAGMA query_only = ON`) on both connections, Prisma's and ours: for tests that
 * make the storage fail as a full or read-only disk would.
 */
export async function onEveryConnection(db: PrismaClient, sql: string): Promise<void> {
  connectionOf(db).exec(sql);
  await db.$executeRawUnsafe(sql);
}

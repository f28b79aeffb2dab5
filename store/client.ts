import type BetterSqlite3 from "better-sqlite3";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient, type Prisma } from "../generated/prisma/client";

export type Db = PrismaClient;
/** A client inside an interactive transaction. */
export type Tx = Prisma.TransactionClient;

/** Runs `work` in a transaction, or inside the caller's when given one, so steps compose into one atomic whole. */
export function inTransaction<T>(db: Db | Tx, work: (tx: Tx) => Promise<T>): Promise<T> {
  return "$transaction" in db ? db.$transaction(work) : work(db);
}

/** The better-sqlite3 connection under each Db, for the few per-update statements of store/fast-sql.ts. */
const connections = new WeakMap<Db, { current: BetterSqlite3.Database | null }>();

/**
 * Prisma's adapter factory, noting the connection it opens (again after a reconnect), so hot statements can run
 * on that same connection: same transactions semantics as Prisma's own queries, without its query compiler.
 */
class ConnectionNotingFactory extends PrismaBetterSQLite3 {
  constructor(url: string, private readonly noted: { current: BetterSqlite3.Database | null }) {
    super({ url });
  }
  override async connect() {
    const adapter = await super.connect();
    const connection = (adapter as unknown as { client: BetterSqlite3.Database }).client;
    configure(connection);
    this.noted.current = connection;
    return adapter;
  }
}

/** Every connection, again after a reconnect: these settings belong to the connection, not the file. */
function configure(connection: BetterSqlite3.Database): void {
  connection.pragma("journal_mode = WAL");
  // FULL: a commit is on disk when it returns, so a reply sent after it confirms something durable. (In WAL mode
  // better-sqlite3's default is NORMAL, where a power loss may undo the last commits.)
  connection.pragma("synchronous = FULL");
  connection.pragma("busy_timeout = 5000");
  connection.pragma("foreign_keys = ON");
}

/** Opens the database. SQLite in WAL mode: readers never wait for the writer, commits stay durable. */
export async function openDb(url: string): Promise<Db> {
  const noted = { current: null as BetterSqlite3.Database | null };
  const db = new PrismaClient({ adapter: new ConnectionNotingFactory(url, noted) });
  connections.set(db, noted);
  await connectionOf(db);
  return db;
}

/** The open better-sqlite3 connection of a Db from openDb (connecting Prisma first if it was disconnected). */
export async function connectionOf(db: Db): Promise<BetterSqlite3.Database> {
  const noted = connections.get(db);
  if (!noted) throw new Error("this Db was not opened with openDb");
  if (!noted.current?.open) await db.$connect();
  if (!noted.current?.open) throw new Error("the database connection is closed");
  return noted.current;
}

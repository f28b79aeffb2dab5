// Group commit: the per-update writes of every chat being handled at the same moment (duplicate guard, conversation
// state, draft save) share one durable commit. With synchronous=FULL each commit costs an fsync, and three of them
// per step capped the self-review far below the goal; now a batch of chats pays one. Nothing is weaker: a caller
// resumes only after the COMMIT holding its write returned, so a reply is never sent for an unsaved answer.
import type BetterSqlite3 from "better-sqlite3";
import { connectionOf, type Db } from "./client";

type Pending = { write: () => unknown; resolve: (value: unknown) => void; reject: (error: unknown) => void };
type Writer = { queue: Pending[]; commitBatch: (batch: Pending[]) => Outcome[] };
type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

const writers = new WeakMap<BetterSqlite3.Database, Writer>();

/** Runs `write` (synchronous statements) in the next shared transaction; resolves once that transaction committed. */
export async function durably<T>(db: Db, write: () => T): Promise<T> {
  const connection = await connectionOf(db);
  const writer = writerOf(connection);
  // The first write of a batch schedules its commit after the writes the other chats reach in this same turn.
  if (writer.queue.length === 0) setImmediate(() => flush(connection, writer));
  return new Promise<T>((resolve, reject) => writer.queue.push({ write, resolve: resolve as (value: unknown) => void, reject }));
}

function writerOf(connection: BetterSqlite3.Database): Writer {
  let writer = writers.get(connection);
  if (writer) return writer;
  // Inside the batch each write gets its own savepoint: one failing write (a constraint) undoes only itself.
  const one = connection.transaction((write: () => unknown) => write());
  const commitBatch = connection.transaction((batch: Pending[]): Outcome[] =>
    batch.map((item) => {
      try {
        return { ok: true, value: one(item.write) };
      } catch (error) {
        return { ok: false, error };
      }
    }));
  writers.set(connection, (writer = { queue: [], commitBatch }));
  return writer;
}

function flush(connection: BetterSqlite3.Database, writer: Writer): void {
  // Prisma's interactive transactions hold the same connection across awaits: a batch started now would be folded
  // into theirs (and committed, or rolled back, with it). Wait until it ends, polling gently rather than spinning
  // the event loop. (So never await `durably` inside one of them: it would wait for itself.)
  if (connection.inTransaction) return void setTimeout(() => flush(connection, writer), 1);
  const batch = writer.queue.splice(0);
  let outcomes: Outcome[];
  try {
    outcomes = writer.commitBatch(batch);
  } catch (error) {
    for (const item of batch) item.reject(error);
    return;
  }
  batch.forEach((item, i) => {
    const outcome = outcomes[i];
    if (outcome.ok) item.resolve(outcome.value);
    else item.reject(outcome.error);
  });
}

// Group commit: the per-update writes of every chat being handled at the same moment (duplicate guard, conversation
// state, draft save) share one durable commit. With synchronous=FULL each commit costs an fsync, and three of them
// per step capped the self-review far below the goal; now a batch of chats pays one. Nothing is weaker: a caller
// resumes only after the COMMIT holding its write returned, so a reply is never sent for an unsaved answer.
import type Database from "better-sqlite3";
import type { PrismaClient } from "../../generated/prisma/client";
import { connectionOf, sqliteOf } from "./connection";
import type { PrismaTransactions } from "./prisma-transactions";
import { refuseInsidePrismaTransaction } from "./transactions";

type Pending = { write: () => unknown; resolve: (value: unknown) => void; reject: (error: unknown) => void };
type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };
type Writer = { queue: Pending[]; commitScheduled: boolean; commitBatch: (batch: Pending[]) => Outcome[] };

const writers = new WeakMap<Database.Database, Writer>();

/**
 * Runs `write` (synchronous statements of this module) in the next shared transaction; resolves once that
 * transaction committed. Throws when called inside a Prisma transaction, whose end it would wait for.
 */
export function durably<T>(db: PrismaClient, write: () => T): Promise<T> {
  return queued(db, write, true);
}

/**
 * Like `durably`, but brings no commit of its own: `write` waits, in order, for the next shared commit another
 * write brings. Only for a write that a later write is certain to follow, so that it is on disk no later than
 * that one (bot/zalo/route.ts: a chat's menu sent while the chat's update is handled, before the update's handled
 * mark); an extra commit there cost more than the write.
 */
export function durablyWithNext<T>(db: PrismaClient, write: () => T): Promise<T> {
  return queued(db, write, false);
}

function queued<T>(db: PrismaClient, write: () => T, bringsCommit: boolean): Promise<T> {
  refuseInsidePrismaTransaction("durably()");
  const connection = connectionOf(db);
  const writer = writerOf(connection);
  // The first write of a batch schedules its commit after the writes the other chats reach in this same turn.
  if (bringsCommit && !writer.commitScheduled) {
    writer.commitScheduled = true;
    setImmediate(() => flush(connection, writer, sqliteOf(db).transactions));
  }
  return new Promise<T>((resolve, reject) => writer.queue.push({ write, resolve: resolve as (value: unknown) => void, reject }));
}

function writerOf(connection: Database.Database): Writer {
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
    }),
  );
  writers.set(connection, (writer = { queue: [], commitScheduled: false, commitBatch }));
  return writer;
}

function flush(connection: Database.Database, writer: Writer, prisma: PrismaTransactions): void {
  // A Prisma transaction holds (or is about to take) the file's write lock across awaits. Committing now would
  // block this thread on busy_timeout while that transaction cannot finish, or make its next write fail
  // (SQLITE_BUSY_SNAPSHOT): wait for its end, signalled when it commits or rolls back.
  const busy = prisma.idle();
  if (busy) return void busy.then(() => flush(connection, writer, prisma));
  writer.commitScheduled = false;
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

import { AsyncLocalStorage } from "node:async_hooks";
import type { Prisma, PrismaClient } from "../../generated/prisma/client";

/** A client inside an interactive transaction. */
export type Tx = Prisma.TransactionClient;

/**
 * Set while the work of a Prisma transaction runs: a batched commit awaited there would wait for itself. Enabled
 * only while one is open: an enabled AsyncLocalStorage puts a hook on every promise (Node 20), about 10% of the
 * CPU of a self-review step (bench/self-review.bench.ts), and transactions are rare (setup, rosters, counts).
 */
const insidePrismaTransaction = new AsyncLocalStorage<true>();
let openTransactions = 0;

/**
 * Runs `work` in a transaction, or inside the caller's when given one, so steps compose into one atomic whole.
 * The one entry to Prisma's interactive transactions in store/.
 */
export async function inTransaction<T>(db: PrismaClient | Tx, work: (tx: Tx) => Promise<T>, options?: { timeout: number }): Promise<T> {
  if (!("$transaction" in db)) return work(db);
  openTransactions += 1;
  try {
    return await insidePrismaTransaction.run(true, () => db.$transaction(work, options));
  } finally {
    openTransactions -= 1;
    if (openTransactions === 0) insidePrismaTransaction.disable();
  }
}

export function refuseInsidePrismaTransaction(what: string): void {
  if (insidePrismaTransaction.getStore()) {
    throw new Error(
      `${what} was called inside a Prisma transaction: it waits for that transaction to end, so it would wait for itself. Call it after the transaction, or write through the transaction's client.`,
    );
  }
}

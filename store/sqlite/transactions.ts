import { AsyncLocalStorage } from "node:async_hooks";
import type { Prisma, PrismaClient } from "../../generated/prisma/client";

/** A client inside an interactive transaction. */
export type Tx = Prisma.TransactionClient;

/** Set while the work of a Prisma transaction runs: a batched commit awaited there would wait for itself. */
const insidePrismaTransaction = new AsyncLocalStorage<true>();

/**
 * Runs `work` in a transaction, or inside the caller's when given one, so steps compose into one atomic whole.
 * The one entry to Prisma's interactive transactions in store/.
 */
export function inTransaction<T>(db: PrismaClient | Tx, work: (tx: Tx) => Promise<T>, options?: { timeout: number }): Promise<T> {
  return "$transaction" in db ? insidePrismaTransaction.run(true, () => db.$transaction(work, options)) : work(db);
}

export function refuseInsidePrismaTransaction(what: string): void {
  if (insidePrismaTransaction.getStore()) {
    throw new Error(`${what} was called inside a Prisma transaction: it waits for that transaction to end, so it would wait for itself. Call it after the transaction, or write through the transaction's client.`);
  }
}

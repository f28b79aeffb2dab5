// Prisma's transactions, known through the public SqlDriverAdapter interface: every one of them (interactive or
// one Prisma opens itself for a nested write) starts with `startTransaction` and ends with the transaction's
// `commit` or `rollback`. The batched commit waits on `idle()` instead of polling.
import type { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

type SqlDriverAdapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;

export class PrismaTransactions {
  private open = 0;
  private idleNow: Promise<void> | null = null;
  private resolveIdle: (() => void) | null = null;

  /** Null when no Prisma transaction is open; else a promise resolved when the last one ended. */
  idle(): Promise<void> | null {
    if (this.open === 0) return null;
    return (this.idleNow ??= new Promise((resolve) => (this.resolveIdle = resolve)));
  }

  watch(adapter: SqlDriverAdapter): void {
    const start = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => {
      this.open += 1; // counted before BEGIN, so no batch slips in between
      let transaction: Awaited<ReturnType<typeof start>>;
      try {
        transaction = await start(isolationLevel);
      } catch (error) {
        this.ended();
        throw error;
      }
      // Methods of the adapter's own object (its private fields need `this` to be that object).
      const commit = transaction.commit.bind(transaction);
      const rollback = transaction.rollback.bind(transaction);
      let ended = false;
      const end = (finish: () => Promise<void>) => async () => {
        try {
          await finish();
        } finally {
          if (!ended) this.ended();
          ended = true;
        }
      };
      transaction.commit = end(commit);
      transaction.rollback = end(rollback);
      return transaction;
    };
  }

  private ended(): void {
    this.open -= 1;
    if (this.open > 0 || !this.resolveIdle) return;
    const resolve = this.resolveIdle;
    this.idleNow = this.resolveIdle = null;
    resolve();
  }
}

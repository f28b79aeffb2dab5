/** Everything that leaves store/ is JSON-safe: instants as ISO strings, never Date objects. */
export function iso(date: Date): string;
export function iso(date: Date | null | undefined): string | null;
export function iso(date: Date | null | undefined): string | null {
  return date ? date.toISOString() : null;
}

/**
 * An instant from a raw SQLite read (store/fast-sql.ts), as an ISO string: SQLite holds Prisma's DateTimes as ISO
 * text or epoch milliseconds depending on the writer.
 */
export function isoOf(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" && value.length === 24 && value.endsWith("Z")) return value; // already an ISO instant
  if (typeof value === "number" || typeof value === "bigint") return new Date(Number(value)).toISOString();
  if (value instanceof Date) return value.toISOString();
  return new Date(String(value)).toISOString();
}

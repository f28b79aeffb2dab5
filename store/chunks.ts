/**
 * Prisma refuses a query with more than 999 bound values on SQLite (P2029, "query parameter limit"), whatever
 * SQLite itself allows: long lists of ids go to the database in slices well below it.
 */
export const IDS_PER_QUERY = 500;

export function chunksOf<T>(items: readonly T[], size = IDS_PER_QUERY): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}

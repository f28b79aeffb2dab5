/** Everything that leaves store/ is JSON-safe: instants as ISO strings, never Date objects. */
export function iso(date: Date): string;
export function iso(date: Date | null | undefined): string | null;
export function iso(date: Date | null | undefined): string | null {
  return date ? date.toISOString() : null;
}

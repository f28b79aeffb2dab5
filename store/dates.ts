/** Everything that leaves store/ is JSON-safe: instants as ISO strings, never Date objects. */
export function iso(date: Date): string;
export function iso(date: Date | null | undefined): string | null;
export function iso(date: Date | null | undefined): string | null {
  return date ? date.toISOString() : null;
}

/** A local calendar day ("YYYY-MM-DD") as stored: 00:00 UTC of that day (no zone: a day is a day). */
export function dayToDate(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

/** The stored day back as "YYYY-MM-DD". */
export function dateToDay(date: Date): string;
export function dateToDay(date: Date | null): string | null;
export function dateToDay(date: Date | null): string | null {
  return date ? date.toISOString().slice(0, 10) : null;
}

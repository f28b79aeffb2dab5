// Strict decoders of SQLite's values, hand-written rather than zod: /status decodes thousands of rows and zod's
// tuples cost a third of its load time (bench/status.bench.ts). This module's connection has safe integers off:
// integers are numbers. An error names what was expected, never the value (a row may hold a review's text).
export type Decoder<T> = (value: unknown) => T;
type Decoded<D> = D extends Decoder<infer T> ? T : never;

export class RowMismatch extends TypeError {}

function expected(what: string, where?: string | number): never {
  throw new RowMismatch(where === undefined ? `expected ${what}` : `column ${JSON.stringify(where)}: expected ${what}`);
}

export const nullable =
  <T>(decode: Decoder<T>): Decoder<T | null> =>
  (value) =>
    value === null ? null : decode(value);

export const text: Decoder<string> = (value) => (typeof value === "string" ? value : expected("text"));
export const optionalText = nullable(text);
export const integer: Decoder<number> = (value) => (Number.isInteger(value) ? (value as number) : expected("an integer"));
export const optionalInteger = nullable(integer);

/** A boolean column or a comparison: SQLite gives 0 or 1. */
export const flag: Decoder<boolean> = (value) => (value === 1 ? true : value === 0 ? false : expected("0 or 1"));

/** A DateTime as Prisma's adapter writes it (ISO text, or epoch milliseconds), as an ISO string. */
export const instant: Decoder<string> = (value) => {
  if (typeof value === "string" && value.length === 24 && value.endsWith("Z")) return value; // already ISO
  const date = typeof value === "string" || typeof value === "number" ? new Date(value) : null;
  return date && !Number.isNaN(date.getTime()) ? date.toISOString() : expected("an instant");
};
export const optionalInstant = nullable(instant);

/** Text that must be one of `values` (an enum of the domain). */
export function oneOf<const T extends string>(values: readonly T[]): Decoder<T> {
  return (value) => ((values as readonly unknown[]).includes(value) ? (value as T) : expected(`one of ${values.join(", ")}`));
}

/** A row as an object: each named column decoded; other columns are left out. */
export function row<S extends Record<string, Decoder<unknown>>>(columns: S): Decoder<{ [K in keyof S]: Decoded<S[K]> }> {
  const names = Object.keys(columns);
  return (value) => {
    if (typeof value !== "object" || value === null) expected("a row");
    const source = value as Record<string, unknown>;
    const decoded: Record<string, unknown> = {};
    for (const name of names) decoded[name] = at(columns[name], source[name], name);
    return decoded as { [K in keyof S]: Decoded<S[K]> };
  };
}

/** A positional row (tupleQuery), exactly as many columns as decoders. */
export function tuple<S extends Decoder<unknown>[]>(...columns: S): Decoder<{ [K in keyof S]: Decoded<S[K]> }> {
  return (value) => {
    if (!Array.isArray(value) || value.length !== columns.length) expected(`${columns.length} columns`);
    return columns.map((decode, i) => at(decode, value[i], i)) as { [K in keyof S]: Decoded<S[K]> };
  };
}

function at<T>(decode: Decoder<T>, value: unknown, where: string | number): T {
  try {
    return decode(value);
  } catch (error) {
    if (error instanceof RowMismatch && !error.message.startsWith("column ")) expected(error.message.replace(/^expected /, ""), where);
    throw error;
  }
}

/** The row of an INSERT or UPDATE … RETURNING "id". */
export const idRow = row({ id: text });

/** An instant exactly as Prisma's SQLite adapter writes DateTime columns. */
export function sqlInstant(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}

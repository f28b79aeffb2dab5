// Decoders of SQLite's column values (this module's connection has safe integers off: integers are numbers),
// and the encoding of instants the way Prisma writes them.
import { z } from "zod";

export const text = z.string();
export const optionalText = z.string().nullable();
export const integer = z.number().int();
export const optionalInteger = z.number().int().nullable();

/** A boolean column or a comparison: SQLite gives 0 or 1. */
export const flag = z.union([z.literal(0), z.literal(1)]).transform((value) => value === 1);

/** A DateTime as Prisma's adapter writes it (ISO text, or epoch milliseconds), as an ISO string. */
export const instant = z.union([z.string(), z.number()]).transform((value, context) => {
  if (typeof value === "string" && value.length === 24 && value.endsWith("Z")) return value; // already ISO
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    context.addIssue({ code: "custom", message: "not an instant" });
    return z.NEVER;
  }
  return date.toISOString();
});
export const optionalInstant = instant.nullable();

/** The row of an INSERT or UPDATE … RETURNING "id". */
export const idRow = z.object({ id: text });

/** An instant exactly as Prisma's SQLite adapter writes DateTime columns. */
export function sqlInstant(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}

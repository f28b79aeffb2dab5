// /scoreitems: a committee's split of the 30 + 70 points for a year or quarter — type a new list, send an XLSX, get
// the template with the items in force; the dialog's save. The organization is carried and checked on every press.
import { buttonVariants, byIndex, id, type Field, questionButtons } from "../button-family";

/** Quarter 0 is the year (ReviewPeriod.quarter). */
export const SCORE_ITEM_QUARTERS = [0, 1, 2, 3, 4] as const;
const year: Field<number> = { pattern: "2[0-9]{3}", parse: (text) => Number(text), format: (value) => String(value) };
const where = { orgId: id, year, quarter: byIndex(SCORE_ITEM_QUARTERS) };

export const scoreItemsButton = buttonVariants("si", { type: where, file: where, template: where });

/** The preview of a list: save it as the next version, or send another. */
export const scoreItemsStep = questionButtons("sisave", ["save", "again"]);

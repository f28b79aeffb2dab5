// zod schemas for what conversations collect. Every error message is a code (the i18next key `error.<code>`).
// Roster lines and CSV are parsed in roster.ts / roster-csv.ts.
import { z } from "zod";
import { isIsoInstant, toMs } from "./calendar";
import { L4_GROUNDS, MEMBER_LEVELS, TASK_KEYS, type TaskKey } from "./levels";
import type { MemberStatusInput } from "./member-rating";
import { requiresHcmReport } from "./member-rating";
import { PERIOD_DEADLINES, type Rulebook } from "./rulebook";
import { hd07_2011 } from "./rulebooks/hd07-2011";
import { validateTally } from "./tally";

export const MAX_REVIEW_CHARS = 20_000;
const NOT_OBJECT = { error: "input.not-object" } as const;

export const SCHEMA_ERROR_CODES = [
  "input.not-object",
  "review.not-text",
  "review.empty",
  "review.too-long",
  "review.hcm-required",
  "self-rating.invalid",
  "count.not-integer",
  "count.negative",
  "tally.invalid-method",
  "tally.invalid-ground",
  "period.invalid-instant",
  "period.out-of-order",
  "org.score-not-integer",
  "org.score-out-of-range",
] as const;
export type SchemaErrorCode = (typeof SCHEMA_ERROR_CODES)[number];

/** One content of a self-review (M4): trimmed, non-empty, bounded. */
export const reviewContentSchema = z
  .string({ error: "review.not-text" })
  .trim()
  .min(1, { error: "review.empty" })
  .max(MAX_REVIEW_CHARS, { error: "review.too-long" });

/** Optional text (the Ho Chi Minh actions of a non-leader): may be empty, still bounded. */
const optionalTextSchema = z.string({ error: "review.not-text" }).trim().max(MAX_REVIEW_CHARS, { error: "review.too-long" });

/** M4: the self-nominated level. */
export const selfRatingSchema = z.enum(MEMBER_LEVELS, { error: "self-rating.invalid" });

/** M4, M5: the whole self-review; a leader must write the Ho Chi Minh actions. */
export function selfReviewSchemaFor(member: MemberStatusInput, rulebook: Rulebook) {
  const hcm = requiresHcmReport(member, rulebook) ? optionalTextSchema.min(1, { error: "review.hcm-required" }) : optionalTextSchema;
  return z.object(
    {
      contents: z.object({ a: reviewContentSchema, b: reviewContentSchema, c: reviewContentSchema, d: reviewContentSchema }, NOT_OBJECT),
      hcm,
      selfRating: selfRatingSchema,
    },
    NOT_OBJECT,
  );
}
export type SelfReview = z.infer<ReturnType<typeof selfReviewSchemaFor>>;

const countSchema = z.int({ error: "count.not-integer" }).min(0, { error: "count.negative" });

/** M13: ballot counts, with every bound of `validateTally` reported on its field. */
export const tallySchema = z
  .object(
    {
      method: z.enum(["secret", "hands"], { error: "tally.invalid-method" }),
      official: countSchema,
      present: countSchema,
      valid: countSchema,
      votes: z.object({ L1: countSchema, L2: countSchema, L3: countSchema, L4: countSchema }, NOT_OBJECT),
      l4Grounds: z.array(z.enum(L4_GROUNDS, { error: "tally.invalid-ground" }), { error: "tally.invalid-ground" }).optional(),
    },
    NOT_OBJECT,
  )
  .superRefine((tally, ctx) => {
    for (const e of validateTally(tally)) ctx.addIssue({ code: "custom", message: e.code, path: e.field ? e.field.split(".") : [] });
  });

const instantSchema = z.string({ error: "period.invalid-instant" }).refine(isIsoInstant, { error: "period.invalid-instant" });

/** T1: a period's deadlines, each an ISO instant with an offset, in the order of the guideline. */
export const periodDatesSchema = z
  .object(
    Object.fromEntries(PERIOD_DEADLINES.map((k) => [k, instantSchema])) as Record<(typeof PERIOD_DEADLINES)[number], typeof instantSchema>,
    NOT_OBJECT,
  )
  .superRefine((dates, ctx) => {
    for (let i = 1; i < PERIOD_DEADLINES.length; i++) {
      const [before, after] = [PERIOD_DEADLINES[i - 1]!, PERIOD_DEADLINES[i]!];
      if (isIsoInstant(dates[before]) && isIsoInstant(dates[after]) && toMs(dates[after]) < toMs(dates[before]))
        ctx.addIssue({ code: "custom", message: "period.out-of-order", path: [after] });
    }
  });

/** O1: the seven task scores, each a whole number within the rulebook's maximum. */
export function makeOrgScoreSchema(rulebook: Rulebook) {
  const score = (max: number) =>
    z.int({ error: "org.score-not-integer" }).min(0, { error: "org.score-out-of-range" }).max(max, { error: "org.score-out-of-range" });
  const shape = Object.fromEntries(TASK_KEYS.map((k) => [k, score(rulebook.org.taskMax[k])]));
  return z.object(shape as Record<TaskKey, ReturnType<typeof score>>, NOT_OBJECT);
}
export const orgScoreSchema = makeOrgScoreSchema(hd07_2011);

/** The error codes of a failed parse, one per issue, with the path joined by dots. */
export function issueCodes(error: z.ZodError): { path: string; code: string }[] {
  return error.issues.map((i) => ({ path: i.path.join("."), code: i.message }));
}

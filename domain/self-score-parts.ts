// N2 (RULES-2025): the written parts of forms 2A, 2B and 2C, in the order a member writes them; the self-score, the
// task results and the proposed level follow them.
export const FORM_TEXT_PARTS = ["strengths", "task-results", "pledge", "shortcomings", "earlier-fixes", "explanation", "remedies"] as const;
export type FormTextPart = (typeof FORM_TEXT_PARTS)[number];
/** The explanation of the committee's "gợi ý kiểm điểm" is written only when there were any. */
export const OPTIONAL_FORM_PARTS: readonly FormTextPart[] = ["explanation"];

// Every code the domain can hand to the bot, so a test there can check that each has a translation:
// reasons under `reason.<code>`, errors under `error.<code>`.
import { CAP_RESOLUTION_ERRORS } from "./branch-cap";
import { DECISION_ERROR_CODES } from "./decision";
import { DISCIPLINE_ERROR_CODES } from "./discipline";
import { ORG_SCORE_ERROR_CODES } from "./org-rating";
import { DOMAIN_ERROR_CODES, REASON_CODES } from "./reasons";
import { RESULT_ERROR_CODES } from "./results";
import { ROSTER_ERROR_CODES } from "./roster";
import { SCHEMA_ERROR_CODES } from "./schemas";
import { TALLY_ERROR_CODES } from "./tally";
import { SHEET_ERROR_CODES } from "./tally-sheet";

export { REASON_CODES };

/** All error codes, without duplicates (the org score codes are shared by the schema and `validateOrgScores`). */
export const ERROR_CODES: readonly string[] = [
  ...new Set<string>([
    ...TALLY_ERROR_CODES,
    ...SHEET_ERROR_CODES,
    ...SCHEMA_ERROR_CODES,
    ...ROSTER_ERROR_CODES,
    ...RESULT_ERROR_CODES,
    ...CAP_RESOLUTION_ERRORS,
    ...ORG_SCORE_ERROR_CODES,
    ...DISCIPLINE_ERROR_CODES,
    ...DECISION_ERROR_CODES,
    ...DOMAIN_ERROR_CODES,
  ]),
];

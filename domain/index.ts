// The public surface of the pure domain. Nothing here touches grammY, Prisma, i18next, node:* or the clock.
export * from "./levels";
export * from "./fraction";
export * from "./reasons";
export * from "./rulebook";
export * from "./rulebooks/index";
export * from "./calendar";
export * from "./tally";
export * from "./tally-sheet";
export * from "./member-rating";
export * from "./discipline";
export * from "./branch-cap";
export * from "./committee-cap";
export * from "./cap-rule";
export * from "./decision";
export * from "./submission";
export * from "./reminders";
export * from "./status";
export * from "./results";
export * from "./org-rating";
export * from "./org-scoring";
export * from "./org-score-rating";
export * from "./org-cap";
export * from "./rewards";
export * from "./reports";
export * from "./schemas";
export { ERROR_CODES } from "./codes";
export { foldVietnamese } from "./text";
export { parseCsv, type CsvRecord } from "./csv";
export {
  parseRosterLine,
  parseRosterLines,
  fullMonthsBetween,
  groupLabel,
  MAX_NAME_LENGTH,
  ROSTER_ERROR_CODES,
  type RosterEntry,
  type RosterError,
  type RosterErrorCode,
  type RosterImport,
  type RosterLineResult,
} from "./roster";
export { parseRosterCsv, ROSTER_CSV_COLUMNS } from "./roster-csv";
export * from "./voters";
export { inviteExpiryMs } from "./invites";
export * from "./appraisal";

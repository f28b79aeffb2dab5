// /report: a committee sends its report to the level above (T1), or changes the number, place and signer it carries.
import { buttonFamily, id, oneOf } from "../button-family";

export const REPORT_ACTIONS = ["send", "sign"] as const;

/** `rpt:<action>:<committee id>` */
export const reportAction = buttonFamily("rpt", { action: oneOf(REPORT_ACTIONS), orgId: id });

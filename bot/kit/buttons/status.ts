// /status: a branch's lists of members by state, and the pages of an upper committee's branches.
import { SUBMISSION_STATES } from "../../../domain/submission";
import { buttonFamily, byIndex, int } from "../button-family";

export const LIST_STATES = [...SUBMISSION_STATES, "unreachable"] as const;
export type ListState = (typeof LIST_STATES)[number];

/** `st:<state index>:<page>` */
export const statusList = buttonFamily("st", { state: byIndex(LIST_STATES), page: int });
/** `stu:<page>` of an upper committee's lines. */
export const upperPage = buttonFamily("stu", { page: int });

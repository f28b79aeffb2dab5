// /rewards: the export of the lists, a proposal's file (R6) and the tick of one of its documents; /rewardimport's
// confirmation. The committee's id is carried, and checked against the sender's roles on every press.
import { MEMBER_REWARD_KEYS, ORG_REWARD_KEYS, PROPOSAL_DOCUMENT_ALTERNATIVES, PROPOSAL_DOCUMENTS } from "../../../domain/rulebook";
import { buttonVariants, byIndex, id, questionButtons } from "../button-family";

export const REWARD_KEYS = [...ORG_REWARD_KEYS, ...MEMBER_REWARD_KEYS] as const;
/** R6: every document a file may hold, the accepted alternatives last. */
export const FILE_DOCUMENTS = [...PROPOSAL_DOCUMENTS, ...PROPOSAL_DOCUMENT_ALTERNATIVES] as const;

export const rewardsButton = buttonVariants("rw", {
  export: { committeeId: id },
  file: { committeeId: id, key: byIndex(REWARD_KEYS), recipientId: id },
  tick: { committeeId: id, key: byIndex(REWARD_KEYS), recipientId: id, document: byIndex(FILE_DOCUMENTS) },
});

/** /rewardimport: save the rows read, or send another file. */
export const historyImportStep = questionButtons("rwimp", ["save", "again"]);

// What the branch's papers are made of: the rating list (C.III.7), the ballot minutes (M13) and a member's own
// self-review. Counts only from the tallies; review text only for the member's own document.
import type { MemberOutcome, ResultState, TallyInput } from "../domain";
import type { Db } from "./client";
import { loadBranchInputs } from "./rating-inputs";
import { latestResults } from "./results";

export type PaperRow = {
  fullName: string;
  group: string | null;
  kind: string;
  exempt: boolean;
  tally: TallyInput | null;
  outcome: MemberOutcome | null;
  state: ResultState | null;
};

export type BranchPapers = { orgName: string; year: number; official: number; evaluated: number; rows: PaperRow[] };

export async function loadBranchPapers(db: Db, periodId: string, now: Date): Promise<BranchPapers> {
  const branch = await loadBranchInputs(db, periodId, now.toISOString());
  const results = await latestResults(db, periodId);
  const rows = branch.members.map((m): PaperRow => {
    const r = results.get(m.id);
    return {
      fullName: m.fullName,
      group: m.group,
      kind: m.status.kind,
      exempt: m.status.exempt,
      tally: m.tally,
      outcome: r?.outcome ?? null,
      state: r?.state ?? null,
    };
  });
  return {
    orgName: branch.orgName,
    year: branch.year,
    rows,
    official: branch.members.filter((m) => m.status.kind === "official").length,
    evaluated: branch.members.filter((m) => !m.status.exempt).length,
  };
}

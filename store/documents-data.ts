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

/** Who issues a paper: the organization and the one above it, named at the top left of a party document. */
export type Issuer = { orgName: string; upperOrgName: string | null };

export type BranchPapers = Issuer & {
  year: number;
  official: number;
  evaluated: number;
  rows: PaperRow[];
  /** The branch secretary who signs the list (the first one granted, if several); null: signed by hand. */
  secretaryName: string | null;
};

export async function loadIssuer(db: Db, orgId: string): Promise<Issuer> {
  const org = await db.organization.findUniqueOrThrow({ where: { id: orgId }, select: { name: true, parent: { select: { name: true } } } });
  return { orgName: org.name, upperOrgName: org.parent?.name ?? null };
}

export async function secretaryName(db: Db, orgId: string): Promise<string | null> {
  const grant = await db.roleGrant.findFirst({
    where: { orgId, role: "secretary" },
    orderBy: { createdAt: "asc" },
    select: { user: { select: { members: { where: { orgId }, select: { fullName: true } } } } },
  });
  return grant?.user.members[0]?.fullName ?? null;
}

export async function loadBranchPapers(db: Db, periodId: string, now: Date, offsetMinutes: number): Promise<BranchPapers> {
  const branch = await loadBranchInputs(db, periodId, { at: now.toISOString(), offsetMinutes });
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
    ...(await loadIssuer(db, branch.orgId)),
    secretaryName: await secretaryName(db, branch.orgId),
    year: branch.year,
    rows,
    official: branch.members.filter((m) => m.status.kind === "official").length,
    evaluated: branch.members.filter((m) => !m.status.exempt).length,
  };
}

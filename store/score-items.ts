// N3 (RULES-2025): which split of the 30 + 70 points a period's members score on. The committee nearest above the
// branch (or the branch itself) that has a list for the year and quarter decides it; for a quarter without one, the
// same chain's list for the year (N10: a quarter is scored like its year unless a list says otherwise); else the example.
import { EXAMPLE_SCORE_ITEMS, type ScoreItem } from "../domain/score-items";
import type { ReviewForm } from "../domain/levels";
import type { Db, Tx } from "./client";

export type ScoreItemSource =
  | { kind: "example" }
  /** `ofYear`: a quarter with no list of its own uses the year's. */
  | { kind: "list"; orgId: string; orgName: string; version: number; source: string; ofYear?: true };
export type ResolvedScoreItems = { items: ScoreItem[]; from: ScoreItemSource };

/** The organization and every organization above it, nearest first. */
export async function orgChain(db: Db | Tx, orgId: string): Promise<Array<{ id: string; name: string }>> {
  const chain: Array<{ id: string; name: string }> = [];
  let next: string | null = orgId;
  while (next && chain.length < 10) {
    const org: { id: string; name: string; parentId: string | null } | null = await db.organization.findUnique({
      where: { id: next },
      select: { id: true, name: true, parentId: true },
    });
    if (!org) break;
    chain.push({ id: org.id, name: org.name });
    next = org.parentId;
  }
  return chain;
}

/** The newest list of an organization for a year, quarter and form (a list for every form, "*", counts too). */
export async function newestScoreItemList(db: Db | Tx, orgId: string, year: number, quarter: number, form: ReviewForm) {
  return db.scoreItemList.findFirst({
    where: { orgId, year, quarter, form: { in: [form, "*"] } },
    // One confirmation may hold "*" and a form's own list under one version: the form's own wins ("2" sorts after "*").
    orderBy: [{ version: "desc" }, { form: "desc" }, { createdAt: "desc" }],
  });
}

/** The items the members of `orgId` score on for a year (quarter 0) or a quarter, by form. */
export async function scoreItemsFor(
  db: Db | Tx,
  orgId: string,
  year: number,
  quarter: number,
  form: ReviewForm,
): Promise<ResolvedScoreItems> {
  const chain = await orgChain(db, orgId);
  for (const q of quarter === 0 ? [0] : [quarter, 0])
    for (const org of chain) {
      const list = await newestScoreItemList(db, org.id, year, q, form);
      if (list)
        return {
          items: JSON.parse(list.items) as ScoreItem[],
          from: {
            kind: "list",
            orgId: org.id,
            orgName: org.name,
            version: list.version,
            source: list.source,
            ...(q !== quarter && { ofYear: true as const }),
          },
        };
    }
  return { items: [...EXAMPLE_SCORE_ITEMS[form]], from: { kind: "example" } };
}

// N3 (RULES-2025): a committee's own split of the 30 + 70 points for a year (quarter 0) or a quarter, kept as versions.
// One confirmation is one version number for the organization, year and quarter, whichever forms it holds, so the
// newest version of any form (or of "*", every form) is what ./score-items.ts resolves. Older versions stay.
import { REVIEW_FORMS, type ReviewForm } from "../domain/levels";
import { validateScoreItems, type ScoreItem } from "../domain/score-items";
import type { ScoreItemForm } from "../domain/score-items-import";
import type { ScoreRules } from "../domain/rulebook";
import { recordAudit } from "./audit";
import { inTransaction, type Db } from "./client";
import { scoreItemsFor, type ResolvedScoreItems } from "./score-items";

export type ScoreItemListSource = "typed" | "imported";
export type NewScoreItemLists = {
  orgId: string;
  year: number;
  quarter: number;
  lists: ReadonlyArray<{ form: ScoreItemForm; items: readonly ScoreItem[] }>;
  source: ScoreItemListSource;
};
export type ScoreItemVersion = { version: number; forms: ScoreItemForm[]; source: string; createdAt: string };

/**
 * Saves the lists as the organization's next version for the year and quarter, audited (counts only). The caller
 * validated them (domain validateScoreItems); a list that does not add up is refused here too, nothing written.
 */
export async function saveScoreItemLists(
  db: Db,
  input: NewScoreItemLists,
  rules: ScoreRules,
  actorId: string | null,
  now: Date,
): Promise<{ version: number }> {
  const forms = input.lists.map((l) => l.form);
  if (input.lists.length === 0 || new Set(forms).size !== forms.length) throw new Error("one list per form, at least one");
  if (input.lists.some((l) => validateScoreItems(l.items, rules).length > 0)) throw new Error("score items not validated");
  const { orgId, year, quarter } = input;
  return inTransaction(db, async (tx) => {
    const newest = await tx.scoreItemList.findFirst({
      where: { orgId, year, quarter },
      orderBy: { version: "desc" },
      select: { version: true },
    });
    const version = (newest?.version ?? 0) + 1;
    await tx.scoreItemList.createMany({
      data: input.lists.map((l) => ({
        orgId,
        year,
        quarter,
        form: l.form,
        version,
        items: JSON.stringify(l.items),
        source: input.source,
        createdById: actorId,
        createdAt: now,
      })),
    });
    const items = input.lists.map((l) => l.items.length);
    await recordAudit(
      tx,
      {
        actorId,
        action: "score-items.saved",
        entity: "Organization",
        entityId: orgId,
        data: { year, quarter, version, source: input.source, forms, items: items.map(String) },
      },
      now,
    );
    return { version };
  });
}

/** The organization's own versions for the year and quarter, newest first. */
export async function scoreItemVersions(db: Db, orgId: string, year: number, quarter: number): Promise<ScoreItemVersion[]> {
  const rows = await db.scoreItemList.findMany({
    where: { orgId, year, quarter },
    orderBy: [{ version: "desc" }, { form: "asc" }],
    select: { version: true, form: true, source: true, createdAt: true },
  });
  const versions: ScoreItemVersion[] = [];
  for (const row of rows) {
    const last = versions.at(-1);
    if (last?.version === row.version) last.forms.push(row.form as ScoreItemForm);
    else
      versions.push({
        version: row.version,
        forms: [row.form as ScoreItemForm],
        source: row.source,
        createdAt: row.createdAt.toISOString(),
      });
  }
  return versions;
}

/** The items in force for the organization's members on each form, and where each list comes from. */
export async function scoreItemsInForce(
  db: Db,
  orgId: string,
  year: number,
  quarter: number,
): Promise<Array<{ form: ReviewForm } & ResolvedScoreItems>> {
  const resolved = [];
  for (const form of REVIEW_FORMS) resolved.push({ form, ...(await scoreItemsFor(db, orgId, year, quarter, form)) });
  return resolved;
}

// The demo's last line: what the story left in the database, the branch's part and the committee's.
import type { Db } from "../../store/client";
import { COMMITTEE } from "./committee-scene";

export async function demoSummary(db: Db): Promise<string> {
  const reviews = await db.selfReview.findMany({ select: { submittedAt: true, late: true } });
  const submitted = reviews.filter((r) => r.submittedAt).length;
  const late = reviews.filter((r) => r.late).length;
  const committee = await db.organization.findFirst({ where: { name: COMMITTEE, kind: "base-committee" }, select: { id: true } });
  if (!committee) return `Done: ${submitted} self-reviews submitted, ${late} of them late.`;
  const branches = await db.organization.count({ where: { parentId: committee.id } });
  const results = await db.memberResult.count({ where: { state: "recognized", period: { org: { parentId: committee.id } } } });
  // An organization's rating is kept in versions (each decision of the level above is one): count organizations.
  const orgsWith = async (where: object) => (await db.orgScore.findMany({ where, distinct: ["orgId"], select: { orgId: true } })).length;
  const scored = await orgsWith({ OR: [{ orgId: committee.id }, { org: { parentId: committee.id } }] });
  const ratings = await orgsWith({ state: "recognized", org: { parentId: committee.id } });
  return (
    `Done: ${submitted} self-reviews submitted, ${late} of them late; ${COMMITTEE}: ${branches} branches, ` +
    `${results} members' results recognized, ${scored} organizations scored, ${ratings} branch ratings recognized.`
  );
}

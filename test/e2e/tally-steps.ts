// Acting as a secretary at the branch meeting: the member list, the counts dialog, the tie buttons.
import type { EmulatedUser } from "../emulator/bot-api-emulator";
import { startHarness } from "../support/bot-harness";
import { seedBranch, type SeedMember } from "../support/seed";
import { createOrganization } from "../../store/orgs";
import { recordHcmPresented, setHcmAcknowledged } from "../../store/tallies";

export const SECRETARY = 301;
export const COMMITTEE = 302;
export const UPPER = 901;
export const OUTSIDER = 999;

/**
 * A branch of `size` official members under a base committee — or, `standalone`, a base branch under the bloc that
 * counts its own 15% cap (M8, revised Decision); the first is the secretary, the second on the committee.
 */
export async function startMeetingWorld(size: number, options: { doubleEntry?: boolean; standalone?: boolean } = {}) {
  const h = await startHarness({ now: "2026-12-25T02:00:00.000Z" });
  const parentKind = options.standalone ? "bloc" : "base-committee";
  const parent = await createOrganization(h.db, { name: "Đảng ủy Khối cơ quan", kind: parentKind }, null, h.clock.now());
  const members = Array.from(
    { length: size },
    (_, i): SeedMember => ({
      fullName: `Nguyễn Văn Đức ${String(i + 1).padStart(2, "0")}`,
      kind: "official",
      group: i < size / 2 ? "1" : "2",
      telegramId: i === 0 ? SECRETARY : i === 1 ? COMMITTEE : 1000 + i,
      roles: i === 0 ? ["secretary"] : i === 1 ? ["committee"] : [],
    }),
  );
  const ids = await seedBranch(h.db, {
    name: "Chi bộ Văn phòng",
    members,
    parentId: parent.id,
    doubleEntry: options.doubleEntry,
    outsiders: [{ telegramId: UPPER, roles: ["committee"] }],
  });
  if (options.standalone) await h.db.organization.update({ where: { id: ids.orgId }, data: { kind: "base-branch" } });
  const memberIds = members.map((m) => ids.memberIds[m.fullName]!);
  return { h, ids, memberIds, names: members.map((m) => m.fullName), parentId: parent.id };
}

/**
 * M12: every member presented Ho Chi Minh actions (recorded as the secretary would with the card's button) and,
 * unless `acknowledged: false`, the meeting acknowledged them (the card's other button).
 */
export async function recordHcmForAll(
  h: Awaited<ReturnType<typeof startHarness>>,
  periodId: string,
  memberIds: string[],
  { acknowledged = true } = {},
) {
  for (const id of memberIds) await recordHcmPresented(h.db, periodId, id, "seed", h.clock.now());
  if (acknowledged) await setHcmAcknowledged(h.db, { periodId, memberIds, acknowledged: true }, "seed", h.clock.now());
}

const hasButton = (user: EmulatedUser, data: string) =>
  (user.lastMessage()?.replyMarkup?.inline_keyboard ?? []).flat().some((b: { callback_data?: string }) => b.callback_data === data);

/** /tally, page through the list to the member and open their card. */
export async function openCard(user: EmulatedUser, memberId: string) {
  await user.send("/tally");
  await user.waitForMessage(/Ghi kết quả biểu quyết|Record the vote/);
  for (let page = 1; !hasButton(user, `tl:card:${memberId}`); page++) {
    await user.click(`tl:page:${page}`);
    await user.waitForMessage(new RegExp(`(Trang|Page) ${page + 1}/`));
  }
  await user.click(`tl:card:${memberId}`);
  return user.waitForMessage(/Đồng chí|Comrade/);
}

export type Counts = { official?: number; present: number; valid: number; votes: [number, number, number, number] };

/** M12: the answer to the meeting's acknowledgement of the Ho Chi Minh actions, when the dialog asks it. */
export type Acknowledge = "ackall" | "ackone" | "ackno";

/** The whole counts dialog for one member, up to the preview (returned) without confirming. */
export async function enterCounts(
  user: EmulatedUser,
  memberId: string,
  c: Counts,
  method: "secret" | "hands" = "secret",
  acknowledge?: Acknowledge,
) {
  await openCard(user, memberId);
  await user.click(`tl:enter:${memberId}`);
  await user.waitForMessage(/hình thức|How did/);
  await user.click(`tc:${method}`);
  await user.waitForMessage(/chính thức của chi bộ|Official members/);
  if (c.official === undefined) await user.click("tc:keep");
  else await user.send(String(c.official));
  const answers = [c.present, c.valid, ...c.votes];
  for (const value of answers) {
    await user.waitForMessage(/\?$/);
    await user.send(String(value));
  }
  if (acknowledge) {
    await user.waitForMessage(/đã thừa nhận|acknowledge the concrete/);
    await user.click(`tc:${acknowledge}`);
  }
  return user.waitForMessage(/Xem lại|Check —/);
}

export async function confirmCounts(user: EmulatedUser) {
  await user.click("tc:confirm");
  return user.waitForMessage(/Đã lưu|Saved|Your entry/);
}

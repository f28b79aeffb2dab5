// Issue 12 point 2: the secretary records members' discipline (/discipline) and the rating caps at L4 (M9) when a
// decision of reprimand or heavier is in force during the review year, naming it; a mistaken one is removed.
import { afterEach, describe, expect, it } from "vitest";
import type { EmulatedUser } from "../emulator/bot-api-emulator";
import { resultHistory } from "../../store/results";
import type { Harness } from "../support/bot-harness";
import { COMMITTEE, confirmCounts, enterCounts, recordHcmForAll, SECRETARY, startMeetingWorld } from "./tally-steps";

let h: Harness | undefined;
afterEach(async () => h?.stop());

type Decision = { source: string; level: string; decided: string; ends: string | null; number: string | null };

/** The recording dialog from the member's card to the preview and «Lưu»; returns the replies after saving. */
async function recordDecision(user: EmulatedUser, memberId: string, d: Decision) {
  await user.click(`dc:add:${memberId}`);
  await user.waitForMessage(/của Đảng, của chính quyền|the party's, the state's/);
  await user.click(`dcs:${d.source}`);
  await user.waitForMessage(/Hình thức kỷ luật|Which form/);
  await user.click(`dcs:${d.level}`);
  await user.waitForMessage(/Ngày ký quyết định|date of the decision/);
  await user.send(d.decided);
  await user.waitForMessage(/hiệu lực đến hết ngày nào|Until which day/);
  if (d.ends) await user.send(d.ends);
  else await user.click("dcs:noend");
  await user.waitForMessage(/Số quyết định|decision's number/);
  if (d.number) await user.send(d.number);
  else await user.click("dcs:skip");
  const preview = await user.waitForMessage(/Xem lại|Check —/);
  await user.click("dcs:save");
  const saved = await user.waitForMessage(/Đã ghi quyết định|Recorded the decision/);
  return { preview, saved };
}

async function openMember(user: EmulatedUser, memberId: string) {
  await user.send("/discipline");
  await user.waitForMessage(/Kỷ luật đảng viên|Members' discipline/);
  await user.click(`dc:member:${memberId}`);
  return user.waitForMessage(/Quyết định kỷ luật của đồng chí|Decisions of discipline of comrade/);
}

describe("/discipline (M9)", () => {
  it("M9: a reprimand decided before the year and ending inside it caps the rating at L4 naming it; an earlier one does not; a mistaken one is removed", async () => {
    const world = await startMeetingWorld(5);
    h = world.h;
    const { memberIds, names, ids } = world;
    await recordHcmForAll(h, ids.periodId, memberIds);
    const secretary = h.user(SECRETARY);
    const [, , disciplined, earlier] = memberIds as [string, string, string, string, string];

    const card = await openMember(secretary, disciplined);
    expect(card.text).toContain("Chưa ghi quyết định kỷ luật nào.");
    await secretary.click(`dc:add:${disciplined}`);
    await secretary.waitForMessage(/của Đảng, của chính quyền hay của đoàn thể/);
    await secretary.click("dcs:party");
    const forms = await secretary.waitForMessage(/Hình thức kỷ luật \(kỷ luật Đảng\)/);
    // Only the party's own forms are offered, and a forged press of another source's form is refused.
    const offered = (forms.replyMarkup?.inline_keyboard ?? []).flat().map((b: { text: string }) => b.text);
    expect(offered).toEqual(["Khiển trách", "Cảnh cáo", "Cách chức", "Khai trừ"]);
    await secretary.pressForged("dcs:salary-downgrade");
    await secretary.waitForIdle();
    await secretary.click("dcs:reprimand");
    await secretary.waitForMessage(/Ngày ký quyết định/);
    await secretary.send("31/13/2025");
    await secretary.waitForMessage(/Ngày không có thật/);
    await secretary.send("10/01/2027");
    await secretary.waitForMessage(/Ngày quyết định không được sau ngày hôm nay/);
    await secretary.send("10/08/2025");
    await secretary.waitForMessage(/hiệu lực đến hết ngày nào/);
    await secretary.send("01/07/2025");
    await secretary.waitForMessage(/Ngày hết hiệu lực không được trước ngày quyết định/);
    await secretary.send("01/02/2026");
    await secretary.waitForMessage(/Số quyết định/);
    await secretary.send("15-QĐ/ĐU");
    const preview = await secretary.waitForMessage(/Xem lại/);
    expect(preview.text).toContain("khiển trách (kỷ luật Đảng), quyết định ngày 10/08/2025, số 15-QĐ/ĐU, hiệu lực đến hết ngày 01/02/2026");
    await secretary.click("dcs:save");
    await secretary.waitForMessage(/Đã ghi quyết định kỷ luật của đồng chí/);
    const result = await secretary.waitForMessage(/Kết quả xếp loại năm 2026/);
    expect(result.text).toContain("Vi phạm tư cách hoặc không hoàn thành nhiệm vụ");
    expect(result.text).toContain("Đang chấp hành kỷ luật khiển trách (kỷ luật Đảng, quyết định số 15-QĐ/ĐU ngày 10/08/2025)");

    // Whatever the votes: the counts' preview and the stored result are L4, naming the decision.
    const counted = await enterCounts(secretary, disciplined, { present: 5, valid: 5, votes: [0, 5, 0, 0] });
    expect(counted.text).toContain("Kết quả theo quy định: Vi phạm tư cách hoặc không hoàn thành nhiệm vụ");
    expect(counted.text).toContain("quyết định số 15-QĐ/ĐU ngày 10/08/2025");
    await confirmCounts(secretary);
    const capped = (await resultHistory(h.db, ids.periodId, disciplined)).at(-1)!.outcome;
    expect(capped).toMatchObject({ kind: "level", level: "L4" });
    expect(capped.reasons[0]).toEqual({
      code: "member.discipline",
      params: { level: "reprimand", source: "party", date: "2025-08-10", number: "15-QĐ/ĐU", endsOn: "2026-02-01" },
    });

    // A warning by the state that ended before the review year does not cap: picked by typed name.
    await secretary.send(`/discipline ${names[3]!.toLowerCase()}`);
    await secretary.waitForMessage(/Quyết định kỷ luật của đồng chí/);
    const { saved } = await recordDecision(secretary, earlier, {
      source: "state",
      level: "warning",
      decided: "01/03/2024",
      ends: "31/12/2025",
      number: null,
    });
    expect(saved.text).toContain("cảnh cáo (kỷ luật chính quyền), quyết định ngày 01/03/2024, hiệu lực đến hết ngày 31/12/2025");
    const voted = await enterCounts(secretary, earlier, { present: 5, valid: 5, votes: [0, 5, 0, 0] });
    expect(voted.text).toContain("Kết quả theo quy định: Đủ tư cách, hoàn thành tốt nhiệm vụ");
    expect(voted.text).not.toContain("kỷ luật");
    await confirmCounts(secretary);

    // The list marks who has decisions on record.
    await secretary.send("/discipline");
    const list = await secretary.waitForMessage(/Kỷ luật đảng viên/);
    const labels = (list.replyMarkup?.inline_keyboard ?? []).flat().map((b: { text: string }) => b.text);
    expect(labels).toContain(`⚠ ${names[2]} (1 quyết định)`);
    expect(labels).toContain(names[0]);

    // Nobody but the branch secretary records or removes, whatever button data they send.
    const [decision] = await h.db.discipline.findMany({ where: { memberId: disciplined } });
    const committee = h.user(COMMITTEE);
    await committee.send("/discipline");
    expect((await committee.waitForMessage()).text).toMatch(/chỉ dành cho/);
    await committee.pressForged(`dc:confirm:${decision!.id}`);
    expect((await committee.waitForMessage(/chỉ dành cho/)).text).toContain("bí thư chi bộ");
    expect((await h.db.discipline.findUniqueOrThrow({ where: { id: decision!.id } })).removedAt).toBeNull();

    // Removing the mistaken decision: asked, confirmed, kept as removed, audited, and the rating goes back to the vote.
    await openMember(secretary, disciplined);
    await secretary.click(`dc:remove:${decision!.id}`);
    await secretary.waitForMessage(/Chỉ xóa quyết định ghi nhầm/);
    await secretary.click(`dc:confirm:${decision!.id}`);
    expect((await secretary.waitForMessage(/Đã xóa quyết định kỷ luật ghi nhầm/)).text).toContain("khiển trách (kỷ luật Đảng)");
    const removed = await h.db.discipline.findUniqueOrThrow({ where: { id: decision!.id } });
    expect(removed.removedAt).not.toBeNull();
    expect(removed.removedById).not.toBeNull();
    const audit = await h.db.auditEvent.findMany({ where: { entityId: decision!.id }, orderBy: { at: "asc" } });
    expect(audit.map((e) => e.action)).toEqual(["discipline.recorded", "discipline.removed"]);
    expect((await resultHistory(h.db, ids.periodId, disciplined)).at(-1)!.outcome).toMatchObject({ kind: "level", level: "L2" });
    await secretary.click(`dc:confirm:${decision!.id}`);
    await secretary.waitForMessage(/đã được xóa trước đó/);
    expect((await openMember(secretary, disciplined)).text).toContain("Chưa ghi quyết định kỷ luật nào.");
  }, 120_000);

  it("M9: in English, a decision with no end date known caps the rating and the result names it", async () => {
    const world = await startMeetingWorld(4);
    h = world.h;
    const { memberIds, ids } = world;
    await recordHcmForAll(h, ids.periodId, memberIds);
    await h.db.user.update({ where: { telegramId: String(SECRETARY) }, data: { language: "en" } });
    const secretary = h.user(SECRETARY);
    await openMember(secretary, memberIds[2]!);
    const { preview } = await recordDecision(secretary, memberIds[2]!, {
      source: "mass",
      level: "expulsion",
      decided: "02/11/2023",
      ends: null,
      number: null,
    });
    expect(preview.text).toContain("expulsion (mass organization discipline), decided 02/11/2023, end date not known");
    const result = await secretary.waitForMessage(/rating for 2026/);
    expect(result.text).toContain("Violated standards or did not complete duties");
    expect(result.text).toContain(
      "Under a disciplinary measure during the review year (expulsion, mass organization discipline, decided 02/11/2023)",
    );
  }, 60_000);
});

// NO1, NO2 in the chat: a branch of a 366 period self-rates by score at /score (general and task points, the two
// facts of "xuất sắc"); the base committee recognizes "xuất sắc" within the 20% cap among its organizations, is
// refused a second one over it with the figures and the open points, and decides another level with a reason, which
// the branch is told.
import { afterEach, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../support/bot-harness";
import { seedCommitteeTree, seedOrgScore, seedRecognizedResults } from "../support/seed-tree";

const RB = "qd366-2025";
const SECRETARY = 311;
const OTHER_SECRETARY = 312;
const COMMITTEE_MEMBER = 912;
let h: Harness | undefined;
afterEach(async () => h?.stop());

/** A base committee of the 366 rulebook with six branches; four of them already recognized «tốt». */
async function world() {
  h = await startHarness({ now: "2026-12-28T02:00:00.000Z" });
  const official = (fullName: string, telegramId?: number) => ({
    fullName,
    kind: "official" as const,
    ...(telegramId ? { telegramId, roles: ["secretary" as const] } : {}),
  });
  const tree = await seedCommitteeTree(h.db, {
    rulebookId: RB,
    people: [{ telegramId: COMMITTEE_MEMBER, role: "committee" }],
    branches: [
      { name: "Chi bộ Văn phòng", members: [official("Nguyễn Văn An", SECRETARY), official("Trần Thị Bình"), official("Lê Văn Cường")] },
      { name: "Chi bộ Kế toán", members: [official("Phạm Thị Dung", OTHER_SECRETARY)] },
      ...["Một", "Hai", "Ba", "Bốn"].map((n) => ({ name: `Chi bộ Phòng ${n}`, members: [official(`Đảng viên ${n}`)] })),
    ],
  });
  for (const b of tree.branches.slice(2)) await seedOrgScore(h.db, { orgId: b.orgId, level: "good", total: 80, rulebookId: RB });
  for (const id of [SECRETARY, OTHER_SECRETARY, COMMITTEE_MEMBER]) h.user(id);
  return { h, tree };
}

const scores = (harness: Harness, orgId: string) => harness.db.orgScore.findMany({ where: { orgId }, orderBy: { version: "asc" } });

describe("NO1, NO2: organizations under 366", () => {
  it("a branch self-rates by score; the committee recognizes «xuất sắc» within the cap, is refused a second, decides another level", async () => {
    const { h, tree } = await world();
    const [office, accounts] = tree.branches;
    await seedRecognizedResults(h.db, office!, { "Nguyễn Văn An": "L1", "Lê Văn Cường": "L3" });

    // NO2: the branch's committee self-rates at /score.
    const an = h.user(SECRETARY);
    await an.send("/score");
    await an.waitForMessage(/Tự đánh giá, xếp loại chất lượng Chi bộ Văn phòng, năm 2026 \(Quy định 366-QĐ\/TW\)/);
    await an.waitForMessage(/Phần 1\/2: Các tiêu chí chung\.\nĐồng chí gõ số điểm, từ 0 đến 30\./);
    await an.send("31");
    await an.waitForMessage(/Điểm «Các tiêu chí chung» chỉ từ 0 đến 30\.\n\nPhần 1\/2/);
    await an.send("28");
    await an.waitForMessage(/Phần 2\/2: Kết quả thực hiện nhiệm vụ\.\nĐồng chí gõ số điểm, từ 0 đến 70\./);
    await an.send("71");
    await an.waitForMessage(/Điểm «Kết quả thực hiện nhiệm vụ» chỉ từ 0 đến 70\./);
    await an.send("67");
    await an.waitForMessage(/tổ chức đảng trực thuộc nào bị thi hành kỷ luật/);
    await an.click("Không");
    await an.waitForMessage(/thành viên cấp ủy, tập thể lãnh đạo nào bị thi hành kỷ luật/);
    await an.click("Không");
    const preview = await an.waitForMessage(/95 điểm/);
    expect(preview.text).toContain("Chi bộ Văn phòng, năm 2026: 95 điểm — «Hoàn thành xuất sắc nhiệm vụ».");
    expect(preview.text).toContain("Tổng điểm 95: mức «Hoàn thành xuất sắc nhiệm vụ».");
    expect(preview.text).toContain("Để tham khảo (kết quả đã công nhận):");
    expect(preview.text).toContain("2/3 (xuất sắc 1, tốt 1, hoàn thành 1, không hoàn thành 0)");
    await an.click("Lưu");
    await an.waitForMessage(/Đã lưu bản tự chấm điểm năm 2026 của Chi bộ Văn phòng \(lần 1\): 95 điểm, «Hoàn thành xuất sắc nhiệm vụ»/);
    const [proposed] = await scores(h, office!.orgId);
    expect(proposed).toMatchObject({ version: 1, level: "tsvm", total: 95, state: "proposed" });
    expect(JSON.parse(proposed!.scores)).toEqual({ general: 28, tasks: 67 });
    const member = h.user(COMMITTEE_MEMBER);
    await member.waitForMessage(/Chi bộ Văn phòng đã tự chấm điểm năm 2026: 95 điểm, «Hoàn thành xuất sắc nhiệm vụ»/);

    // NO1: four «tốt» recognized; a first «xuất sắc» makes 1 of 5, within floor(20% × 5) = 1.
    await member.send("/orgs");
    const list = await member.waitForMessage(/Xếp loại các tổ chức đảng trực thuộc/);
    expect(list.text).toContain("Chi bộ Văn phòng (2026): 95 điểm, «Hoàn thành xuất sắc nhiệm vụ» — chờ công nhận");
    expect(list.text).toContain(
      "Đảng ủy Sở, năm 2026: đã công nhận 0 tổ chức «Hoàn thành xuất sắc nhiệm vụ», được tối đa 0 (20% của 4 tổ chức",
    );
    await member.click(/^Chi bộ Văn phòng/);
    await member.waitForMessage(/Tình trạng: chờ công nhận/);
    await member.click("Công nhận");
    await member.waitForMessage(/Đã công nhận Chi bộ Văn phòng, năm 2026: «Hoàn thành xuất sắc nhiệm vụ»/);
    await an.waitForMessage(/đã công nhận kết quả xếp loại năm 2026 của Chi bộ Văn phòng: «Hoàn thành xuất sắc nhiệm vụ»/);

    // A second «xuất sắc»: 2 of 6, floor(1.2) = 1: refused with the figures and the open points.
    await seedOrgScore(h.db, { orgId: accounts!.orgId, level: "tsvm", total: 92, state: "proposed", rulebookId: RB });
    await member.send("/orgs");
    await member.waitForMessage(/đã công nhận 1 tổ chức «Hoàn thành xuất sắc nhiệm vụ», được tối đa 1 \(20% của 5 tổ chức/);
    await member.click(/^Chi bộ Kế toán/);
    await member.waitForMessage(/Chi bộ Kế toán, năm 2026: 92 điểm/);
    await member.click("Công nhận");
    const refused = await member.waitForMessage(/Không thể công nhận thêm tổ chức «Hoàn thành xuất sắc nhiệm vụ»/);
    expect(refused.text).toContain(
      "tức 1 trong số 5 (tính cả các tổ chức hoàn thành xuất sắc, theo lựa chọn của kỳ đánh giá; làm tròn xuống theo lựa chọn của kỳ đánh giá); đã công nhận 1.",
    );
    expect(await scores(h, accounts!.orgId)).toMatchObject([{ version: 1, state: "proposed" }]);

    // NO2: the committee decides another level, with a reason; the branch is told.
    await member.click("Quyết định mức khác");
    await member.waitForMessage(/tự xếp loại «Hoàn thành xuất sắc nhiệm vụ» \(92 điểm\)\. Đồng chí chọn mức/);
    await member.click("Hoàn thành tốt nhiệm vụ");
    await member.waitForMessage(/khác với mức tự xếp loại «Hoàn thành xuất sắc nhiệm vụ»\. Đồng chí gõ lý do/);
    await member.send("  ");
    await member.waitForMessage(/Cần ghi lý do quyết định khác với mức tự xếp loại/);
    await member.send("Vượt tỷ lệ 20% tổ chức hoàn thành xuất sắc của Đảng ủy Sở.");
    await member.waitForMessage(/Đã quyết định: Chi bộ Kế toán, năm 2026 — «Hoàn thành tốt nhiệm vụ»\. Lý do: Vượt tỷ lệ/);
    await h
      .user(OTHER_SECRETARY)
      .waitForMessage(
        /Cấp ủy cấp trên quyết định xếp loại Chi bộ Kế toán năm 2026 ở mức «Hoàn thành tốt nhiệm vụ», khác với mức tự xếp loại «Hoàn thành xuất sắc nhiệm vụ»\. Lý do: Vượt tỷ lệ/,
      );
    const versions = await scores(h, accounts!.orgId);
    expect(versions).toMatchObject([
      { version: 1, state: "proposed", level: "tsvm" },
      { version: 2, state: "recognized", level: "good", total: 92 },
    ]);
    expect(JSON.parse(versions[1]!.reasons)).toEqual([
      { code: "decision.differs", params: { proposed: "tsvm", note: "Vượt tỷ lệ 20% tổ chức hoàn thành xuất sắc của Đảng ủy Sở." } },
    ]);
    await member.send("/orgs");
    await member.waitForMessage(/Chi bộ Kế toán \(2026\): 92 điểm, «Hoàn thành tốt nhiệm vụ» — đã công nhận/);
  }, 120_000);

  it("a restart in the middle of /score keeps the points typed before it; the rating saved is the one answered", async () => {
    const { h, tree } = await world();
    const an = h.user(SECRETARY);
    await an.send("/score");
    await an.waitForMessage(/Phần 1\/2: Các tiêu chí chung/);
    await an.send("27");
    await an.waitForMessage(/Phần 2\/2: Kết quả thực hiện nhiệm vụ/);
    await h.restart();
    await an.send("58");
    await an.waitForMessage(/tổ chức đảng trực thuộc nào bị thi hành kỷ luật/);
    await an.click("Không");
    await an.waitForMessage(/thành viên cấp ủy, tập thể lãnh đạo nào bị thi hành kỷ luật/);
    await h.restart();
    await an.click("Có");
    expect((await an.waitForMessage(/85 điểm/)).text).toContain("«Hoàn thành tốt nhiệm vụ»");
    await an.click("Lưu");
    await an.waitForMessage(/Đã lưu bản tự chấm điểm năm 2026 của Chi bộ Văn phòng \(lần 1\): 85 điểm/);
    const [saved] = await scores(h, tree.branches[0]!.orgId);
    expect(JSON.parse(saved!.scores)).toEqual({ general: 27, tasks: 58 });
    expect(JSON.parse(saved!.conditions)).toMatchObject({ subordinateDisciplined: false, leaderDisciplined: true });
  });
});

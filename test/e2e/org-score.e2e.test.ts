// B.I, O1–O7 in the chat: /score for a branch's committee and for a base committee, the level and why, versions;
// /orgs for the level above: recognize, revoke with a reason (the old version kept), exemplary within 20% (O6), and
// every press checked against the rated organization's parent.
import { afterEach, describe, expect, it, vi } from "vitest";
import { startHarness, type Harness } from "../support/bot-harness";
import { seedCommitteeTree, seedOrgScore, seedRecognizedResults } from "../support/seed-tree";
import { answerScore, FULL_MARKS } from "./org-score-steps";

const SECRETARY = 301;
const COMMITTEE_SECRETARY = 901;
const COMMITTEE_MEMBER = 902;
const OTHER_COMMITTEE = 903;
let h: Harness | undefined;
afterEach(async () => h?.stop());

/** A base committee with two branches of five; the first branch's secretary is on its roster. */
async function world() {
  h = await startHarness({ now: "2026-12-28T02:00:00.000Z" });
  const tree = await seedCommitteeTree(h.db, {
    people: [
      { telegramId: COMMITTEE_SECRETARY, role: "secretary" },
      { telegramId: COMMITTEE_MEMBER, role: "committee" },
    ],
    branches: [
      {
        name: "Chi bộ Văn phòng",
        members: [
          { fullName: "Nguyễn Văn An", kind: "official", telegramId: SECRETARY, roles: ["secretary"] },
          ...["Bình", "Cường", "Dũng", "Hà"].map((n) => ({ fullName: `Trần Thị ${n}`, kind: "official" as const })),
        ],
      },
      { name: "Chi bộ Kế toán", members: ["Lan", "Minh"].map((n) => ({ fullName: `Lê Văn ${n}`, kind: "official" as const })) },
    ],
  });
  const other = await seedCommitteeTree(h.db, {
    name: "Đảng ủy Khác",
    people: [{ telegramId: OTHER_COMMITTEE, role: "committee" }],
    branches: [{ name: "Chi bộ Khác", members: [{ fullName: "Phạm Văn Tư", kind: "official" }] }],
  });
  // Everyone has opened a chat with the bot (a notice to someone who never did is undeliverable).
  for (const id of [SECRETARY, COMMITTEE_SECRETARY, COMMITTEE_MEMBER, OTHER_COMMITTEE]) h.user(id);
  return { h, tree, other, branch: tree.branches[0]! };
}

const scores = (harness: Harness, orgId: string) => harness.db.orgScore.findMany({ where: { orgId }, orderBy: { version: "asc" } });

describe("/score", () => {
  it("O2, O3: a branch's secretary scores the branch, sees the level and why, saves a version the committee is told of", async () => {
    const { h, branch } = await world();
    // Four of five members recognized at L2 or better: exactly 80% (O3); one at L3.
    await seedRecognizedResults(h.db, branch, { "Trần Thị Hà": "L3" });
    const an = h.user(SECRETARY);
    await an.send("/score");
    await an.waitForMessage(/Tự chấm điểm chất lượng Chi bộ Văn phòng, năm 2026/);
    await answerScore(an, { points: FULL_MARKS, attendance: "90%" });
    const preview = await an.waitForMessage(/100 điểm/);
    expect(preview.text).toContain("«Trong sạch, vững mạnh»");
    expect(preview.text).toContain("Tổng điểm 100: mức «Trong sạch, vững mạnh».");
    expect(preview.text).toContain("hoàn thành tốt nhiệm vụ trở lên (theo kết quả đã công nhận): 4/5");
    await an.click("Lưu");
    await an.waitForMessage(/Đã lưu bản tự chấm điểm năm 2026 của Chi bộ Văn phòng \(lần 1\): 100 điểm/);
    const [saved] = await scores(h, branch.orgId);
    expect(saved).toMatchObject({ version: 1, level: "tsvm", total: 100, state: "proposed" });
    expect(JSON.parse(saved!.derived)).toMatchObject({ memberLevels: { L1: 0, L2: 4, L3: 1, L4: 0 } });
    await h.user(COMMITTEE_SECRETARY).waitForMessage(/Chi bộ Văn phòng đã tự chấm điểm năm 2026: 100 điểm/);
  }, 60_000);

  it("O1: a score out of bounds is refused with a clear sentence and asked again; O3 fails below 80% of members, typed «có»", async () => {
    const { h, branch } = await world();
    await seedRecognizedResults(h.db, branch, { "Trần Thị Hà": "L3", "Trần Thị Dũng": "L3" });
    const an = h.user(SECRETARY);
    await an.send("/score");
    await an.waitForMessage(/Nhiệm vụ 1\/7/);
    await an.send("31");
    const refused = await an.waitForMessage(/chỉ từ 0 đến 30/);
    // The refusal, then the same question again.
    expect(refused.text).toMatch(/«Lãnh đạo thực hiện nhiệm vụ chính trị» chỉ từ 0 đến 30\.\n\nNhiệm vụ 1\/7/);
    await an.send("bảy");
    await an.waitForMessage(/Điểm phải là một số nguyên, từ 0 đến 30\.\n\nNhiệm vụ 1\/7/);
    await answerScore(an, { points: FULL_MARKS }, { typed: true, asked: true });
    const preview = await an.waitForMessage(/100 điểm/);
    expect(preview.text).toContain("«Hoàn thành tốt nhiệm vụ»");
    expect(preview.text).toContain("tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên đạt mức quy định");
    expect(await scores(h, branch.orgId)).toHaveLength(0);
  }, 60_000);

  it("O3, O4: a base committee scores itself with its branches' levels read from their recognized ratings", async () => {
    const { h, tree } = await world();
    for (const b of tree.branches) await seedRecognizedResults(h.db, b);
    await seedOrgScore(h.db, { orgId: tree.branches[0]!.orgId, level: "tsvm" });
    // The second branch's rating is only proposed: it does not count as TSVM (nor as anything) until recognized.
    await seedOrgScore(h.db, { orgId: tree.branches[1]!.orgId, level: "tsvm", state: "proposed" });
    const chair = h.user(COMMITTEE_SECRETARY);
    await chair.send("/score");
    await chair.waitForMessage(/Tự chấm điểm chất lượng Đảng ủy Sở, năm 2026/);
    await answerScore(chair, { points: FULL_MARKS });
    const preview = await chair.waitForMessage(/100 điểm/);
    expect(preview.text).toContain("trong sạch, vững mạnh 1, hoàn thành tốt 0, hoàn thành 0, yếu kém 0; chưa được công nhận: 1");
    expect(preview.text).toContain("kết quả xếp loại của tất cả chi bộ trực thuộc đã được công nhận");
    expect(preview.text).toContain("hoàn thành tốt nhiệm vụ trở lên (theo kết quả đã công nhận): 7/7");
    expect(preview.text).toContain("«Hoàn thành tốt nhiệm vụ»");
    await chair.click("Lưu");
    await chair.waitForMessage(/Đã lưu bản tự chấm điểm năm 2026 của Đảng ủy Sở/);
    expect(await scores(h, tree.committeeId)).toMatchObject([{ level: "good", total: 100 }]);
  }, 60_000);

  it("a restart in the middle of /score resumes at the question it was on", async () => {
    const { h, branch } = await world();
    await seedRecognizedResults(h.db, branch);
    const an = h.user(SECRETARY);
    await an.send("/score");
    for (const [i, points] of FULL_MARKS.slice(0, 3).entries()) {
      await an.waitForMessage(new RegExp(`Nhiệm vụ ${i + 1}/7`));
      await an.send(String(points));
    }
    await an.waitForMessage(/Nhiệm vụ 4\/7/);
    await h.settled();
    await h.restart();
    await answerScore(an, { points: [...FULL_MARKS.slice(0, 3), 8, 10, 5, 15] }, { from: 4, asked: true });
    await an.waitForMessage(/98 điểm/);
    await an.click("Lưu");
    await an.waitForMessage(/Đã lưu bản tự chấm điểm/);
    expect(await scores(h, branch.orgId)).toMatchObject([{ total: 98, level: "tsvm" }]);
  }, 60_000);

  it("someone with roles on two organizations chooses which to score; a forged choice of another organization is refused", async () => {
    const { h, tree, other } = await world();
    const an = h.user(SECRETARY);
    const anUser = await h.db.user.findUniqueOrThrow({ where: { telegramId: String(SECRETARY) } });
    await h.db.roleGrant.create({ data: { userId: anUser.id, orgId: tree.committeeId, role: "committee" } });
    await an.send("/score");
    await an.waitForMessage(/Đồng chí chấm điểm cho tổ chức nào\?/);
    await an.pressForged(`osp:${other.committeeId}`);
    await an.waitForMessage(/không giữ vai trò ở tổ chức này/);
    await an.click("Đảng ủy Sở");
    await an.waitForMessage(/Tự chấm điểm chất lượng Đảng ủy Sở, năm 2026/);
    await an.send("/cancel");
    await an.waitForMessage(/./);
    expect(await h.db.orgScore.count()).toBe(0);
  }, 60_000);
});

describe("/orgs", () => {
  it("B.I.4: the base committee recognizes a branch's rating, then revokes it with a reason; every version is kept", async () => {
    const { h, branch } = await world();
    const scoreId = await seedOrgScore(h.db, { orgId: branch.orgId, level: "tsvm", total: 95, state: "proposed" });
    const member = h.user(COMMITTEE_MEMBER);
    await member.send("/orgs");
    await member.waitForMessage(/Chi bộ Văn phòng \(2026\): 95 điểm, «Trong sạch, vững mạnh» — chờ công nhận/);
    await member.click(/^Chi bộ Văn phòng/);
    await member.waitForMessage(/Tình trạng: chờ công nhận/);
    await member.click("Công nhận");
    await member.waitForMessage(/Đã công nhận Chi bộ Văn phòng, năm 2026/);
    await h.user(SECRETARY).waitForMessage(/đã công nhận kết quả xếp loại năm 2026 của Chi bộ Văn phòng/);
    // The old keyboard's version is no longer the newest: its press is refused.
    await member.pressForged(`og:ok:${scoreId}`);
    await member.waitForMessage(/đã thay đổi từ khi lựa chọn này được gửi/);
    await member.send("/orgs");
    await member.waitForMessage(/— đã công nhận/);
    await member.click(/^Chi bộ Văn phòng/);
    await member.waitForMessage(/Tình trạng: đã công nhận/);
    await member.click("Hủy bỏ kết quả");
    await member.waitForMessage(/Đồng chí gõ lý do/);
    await member.send("   ");
    await member.waitForMessage(/^Cần có lý do hủy bỏ\. Đồng chí gõ lý do\.$/);
    await member.waitForMessage(/^Hủy bỏ kết quả xếp loại năm 2026 của Chi bộ Văn phòng/);
    await member.send("Phát hiện đảng viên bị kỷ luật vì tham nhũng");
    await member.waitForMessage(/Đã hủy bỏ kết quả xếp loại năm 2026 của Chi bộ Văn phòng/);
    await h.user(SECRETARY).waitForMessage(/đã hủy bỏ kết quả xếp loại năm 2026 của Chi bộ Văn phòng\. Lý do: Phát hiện/);
    expect(await scores(h, branch.orgId)).toMatchObject([
      { version: 1, state: "proposed" },
      { version: 2, state: "recognized" },
      { version: 3, state: "revoked", revokeReason: "Phát hiện đảng viên bị kỷ luật vì tham nhũng" },
    ]);
  }, 60_000);

  it("B.I.4: the bloc recognizes a base committee's rating; the committee then cannot score that year again", async () => {
    const { h, tree } = await world();
    const BLOC = 950;
    const bloc = await seedCommitteeTree(h.db, {
      name: "Đảng ủy Khối",
      kind: "bloc",
      people: [{ telegramId: BLOC, role: "committee" }],
      branches: [],
    });
    await h.db.organization.update({ where: { id: tree.committeeId }, data: { parentId: bloc.committeeId } });
    await seedOrgScore(h.db, { orgId: tree.committeeId, level: "good", total: 85, state: "proposed" });
    const blocMember = h.user(BLOC);
    await blocMember.send("/orgs");
    await blocMember.waitForMessage(/Đảng ủy Sở \(2026\): 85 điểm, «Hoàn thành tốt nhiệm vụ» — chờ công nhận/);
    await blocMember.click(/^Đảng ủy Sở/);
    await blocMember.waitForMessage(/Tình trạng: chờ công nhận/);
    await blocMember.click("Công nhận");
    await blocMember.waitForMessage(/Đã công nhận Đảng ủy Sở, năm 2026: «Hoàn thành tốt nhiệm vụ»/);
    const chair = h.user(COMMITTEE_SECRETARY);
    await chair.waitForMessage(/Cấp ủy cấp trên đã công nhận kết quả xếp loại năm 2026 của Đảng ủy Sở/);
    await chair.send("/score");
    await chair.waitForMessage(/đã được cấp ủy cấp trên công nhận, nên không chấm lại được/);
  }, 60_000);

  it("O6: exemplary at most 20% of the committee's recognized TSVM organizations; over it is refused with the numbers", async () => {
    const { h, tree } = await world();
    // Five TSVM branches under the committee: one may be exemplary.
    const ids = [];
    for (const b of tree.branches) ids.push(await seedOrgScore(h.db, { orgId: b.orgId, level: "tsvm" }));
    for (const name of ["Chi bộ Ba", "Chi bộ Bốn", "Chi bộ Năm"]) {
      const org = await h.db.organization.create({ data: { name, kind: "branch", parentId: tree.committeeId } });
      ids.push(await seedOrgScore(h.db, { orgId: org.id, level: "tsvm" }));
    }
    const chair = h.user(COMMITTEE_SECRETARY);
    await chair.send("/orgs");
    await chair.waitForMessage(/Đảng ủy Sở, năm 2026: 5 tổ chức trong sạch, vững mạnh đã công nhận; tiêu biểu 0\/1/);
    await chair.pressForged(`og:star:${ids[2]}`);
    await chair.waitForMessage(/Đã chọn Chi bộ Ba là «Trong sạch, vững mạnh tiêu biểu»/);
    await chair.pressForged(`og:star:${ids[3]}`);
    const refused = await chair.waitForMessage(/Không thể chọn thêm/);
    expect(refused.text).toContain("(1 trong số 5), đã chọn 1");
    const exemplary = await h.db.orgScore.findMany({ where: { exemplary: true } });
    expect(exemplary.map((s) => s.orgId)).toHaveLength(1);
  }, 60_000);

  it("a forged button for another committee's organization, or for one's own, is refused and changes nothing", async () => {
    const { h, other, branch } = await world();
    const foreign = await seedOrgScore(h.db, { orgId: other.branches[0]!.orgId, level: "tsvm", state: "proposed" });
    const member = h.user(COMMITTEE_MEMBER);
    await member.send("/orgs");
    await member.waitForMessage(/Chưa có tổ chức đảng trực thuộc nào/);
    for (const kind of ["ok", "no", "star", "show"]) await member.pressForged(`og:${kind}:${foreign}`);
    const refusals = () => member.messages().filter((m) => /Không tìm thấy kết quả xếp loại này/.test(m.text ?? ""));
    await vi.waitFor(() => expect(refusals()).toHaveLength(4), { timeout: 30_000, interval: 50 });
    // The branch's own secretary, given a seat on the committee above, still cannot decide on the branch.
    const own = await seedOrgScore(h.db, { orgId: branch.orgId, level: "tsvm", state: "proposed" });
    const secretaryUser = await h.db.user.findUniqueOrThrow({ where: { telegramId: String(SECRETARY) } });
    const committeeId = (await h.db.organization.findUniqueOrThrow({ where: { id: branch.orgId } })).parentId!;
    await h.db.roleGrant.create({ data: { userId: secretaryUser.id, orgId: committeeId, role: "committee" } });
    const an = h.user(SECRETARY);
    await an.send("/help");
    await an.waitForMessage(/\/orgs/);
    await an.pressForged(`og:ok:${own}`);
    await an.waitForMessage(/không thể công nhận hay hủy bỏ kết quả xếp loại của Chi bộ Văn phòng/);
    expect(await h.db.orgScore.count({ where: { state: { not: "proposed" } } })).toBe(0);
  }, 60_000);
});

// Issue 12: a committee's links. Its secretary issues a link for a subordinate organization's secretary (who puts a
// branch they run under the committee, or sets a new one up) and for a committee member (ủy viên), who can then
// recognize the branches' results. The secretary is told of every claim.
import { afterEach, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../support/bot-harness";
import { seedBranch, seedCommittee, seedProposedResults } from "../support/seed";
import { finishBranchSetup, issueLink, setupCommittee } from "./org-steps";

let h: Harness;
afterEach(() => h.stop());

const SECRETARY = 801;
const BRANCH_SECRETARY = 802;
const NEWCOMER = 803;
const COMMITTEE_MEMBER = 804;

const parentOf = async (harness: Harness, name: string) =>
  (await harness.db.organization.findFirstOrThrow({ where: { name }, include: { parent: true } })).parent?.name ?? null;

describe("a base committee's links", () => {
  it("a branch secretary puts the branch they run under the committee; a new secretary sets a new branch up under it", async () => {
    h = await startHarness({ now: "2026-12-01T02:00:00.000Z" });
    const secretary = h.user(SECRETARY);
    await setupCommittee(secretary, "Đảng ủy cơ sở", "Đảng ủy Sở Tài chính");
    await seedBranch(h.db, {
      name: "Chi bộ Kế toán",
      members: [{ fullName: "Trần Thị Bình", kind: "official", telegramId: BRANCH_SECRETARY, roles: ["secretary"] }],
    });

    // An existing branch: the secretary is asked which organization, or a new one.
    const code = await issueLink(secretary, "Mời bí thư tổ chức trực thuộc");
    const binh = h.user(BRANCH_SECRETARY, { firstName: "Bình", username: "binh_tran" });
    await binh.send(`/start ${code}`);
    const choice = await binh.waitForMessage(/lời mời của Đảng ủy Sở Tài chính/);
    expect(choice.replyMarkup.inline_keyboard.flat().map((b: { text: string }) => b.text)).toEqual(["Chi bộ Kế toán", "Lập tổ chức mới"]);
    await binh.click("Chi bộ Kế toán");
    expect((await binh.waitForMessage(/Đã gắn/)).text).toBe(
      "Đã gắn Chi bộ Kế toán vào Đảng ủy Sở Tài chính. Từ nay Đảng ủy Sở Tài chính công nhận kết quả xếp loại của Chi bộ Kế toán.",
    );
    expect(await parentOf(h, "Chi bộ Kế toán")).toBe("Đảng ủy Sở Tài chính");
    expect((await secretary.waitForMessage(/đã gắn/)).text).toBe(
      "Đồng chí Bình @binh_tran đã gắn Chi bộ Kế toán vào Đảng ủy Sở Tài chính bằng lời mời.",
    );
    // Attaching gives no role on the committee.
    expect(await h.db.roleGrant.count({ where: { user: { telegramId: String(BRANCH_SECRETARY) }, org: { kind: "base-committee" } } })).toBe(
      0,
    );

    // A newcomer without an organization: the setup dialog, for a branch only (a base committee takes branches).
    const second = await issueLink(secretary, "Mời bí thư tổ chức trực thuộc");
    const an = h.user(NEWCOMER);
    await an.send(`/start ${second}`);
    await an.waitForMessage(/Đồng chí lập tổ chức của mình; tổ chức sẽ trực thuộc Đảng ủy Sở Tài chính/);
    await an.waitForMessage(/Tên chi bộ là gì/);
    await an.send("Chi bộ Văn phòng");
    const done = await finishBranchSetup(an);
    expect(done.text).toContain("Tổ chức trực thuộc Đảng ủy Sở Tài chính.");
    expect(await parentOf(h, "Chi bộ Văn phòng")).toBe("Đảng ủy Sở Tài chính");
    await secretary.waitForMessage(/đã gắn Chi bộ Văn phòng vào Đảng ủy Sở Tài chính/);
    const claims = await h.db.auditEvent.count({ where: { action: "org-invite.claimed" } });
    expect(claims).toBe(2);
  });

  it("a committee member's link grants the role; the member then recognizes the branch's results, and the secretary is told", async () => {
    h = await startHarness({ now: "2026-12-25T02:00:00.000Z" });
    const branch = await seedBranch(h.db, {
      members: [
        { fullName: "Nguyễn Văn An", kind: "official" },
        { fullName: "Trần Thị Bình", kind: "official" },
      ],
    });
    await seedProposedResults(h.db, branch);
    await seedCommittee(h.db, { name: "Đảng ủy Sở Tài chính", secretary: SECRETARY, children: [branch.orgId] });
    const secretary = h.user(SECRETARY);
    const code = await issueLink(secretary, "Mời ủy viên đảng ủy");
    const member = h.user(COMMITTEE_MEMBER, { firstName: "Lê Cường" });
    await member.send("/recognize");
    await member.waitForMessage(/chỉ dành cho/);
    await member.send(`/start ${code}`);
    await member.waitForMessage(/Chào mừng đồng chí tham gia Đảng ủy Sở Tài chính với vai trò ủy viên/);
    await secretary.waitForMessage(/Đồng chí Lê Cường đã tham gia Đảng ủy Sở Tài chính với vai trò ủy viên/);
    await member.send("/recognize");
    await member.waitForMessage(/Chi bộ Văn phòng: 2 chờ công nhận/);
    await member.click("Công nhận tất cả — Chi bộ Văn phòng");
    await member.waitForMessage(/Đã công nhận 2 kết quả của Chi bộ Văn phòng/);
    expect(await h.db.memberResult.count({ where: { state: "recognized" } })).toBe(2);
    // The panel lists no open link now: the one issued was used.
    await secretary.send("/orginvites");
    expect((await secretary.waitForMessage(/còn hiệu lực/)).text).toBe("Đảng ủy Sở Tài chính: 0 lời mời còn hiệu lực.");
  });

  it("a branch that moves from one committee to another: the committee it left is told who took it", async () => {
    h = await startHarness({ now: "2026-12-01T02:00:00.000Z" });
    const branch = await seedBranch(h.db, {
      name: "Chi bộ Kế toán",
      members: [{ fullName: "Trần Thị Bình", kind: "official", telegramId: BRANCH_SECRETARY, roles: ["secretary"] }],
    });
    await seedCommittee(h.db, { name: "Đảng ủy Cũ", secretary: COMMITTEE_MEMBER, children: [branch.orgId] });
    await seedCommittee(h.db, { name: "Đảng ủy Mới", secretary: SECRETARY });
    const former = h.user(COMMITTEE_MEMBER);
    await former.send("/help"); // a chat with the bot, so its notices can reach them
    await former.waitForMessage(/Bí thư đảng ủy/);
    const code = await issueLink(h.user(SECRETARY), "Mời bí thư tổ chức trực thuộc");
    const binh = h.user(BRANCH_SECRETARY, { firstName: "Bình" });
    await binh.send(`/start ${code}`);
    await binh.waitForMessage(/lời mời của Đảng ủy Mới/);
    await binh.click("Chi bộ Kế toán");
    await binh.waitForMessage(/Đã gắn Chi bộ Kế toán vào Đảng ủy Mới/);
    expect((await former.waitForMessage(/đã chuyển sang/)).text).toBe(
      "Chi bộ Kế toán đã chuyển sang trực thuộc Đảng ủy Mới: đồng chí Bình đã dùng lời mời của Đảng ủy Mới. Nếu việc này không đúng, đồng chí liên hệ ngay với bí thư Chi bộ Kế toán.",
    );
    const audit = await h.db.auditEvent.findFirstOrThrow({ where: { action: "org-invite.claimed" } });
    expect(JSON.parse(audit.data)).toMatchObject({ attached: branch.orgId, from: expect.stringMatching(/^c/) });
  });

  it("the bloc's link: the new secretary chooses a base committee or a base branch, and it goes under the bloc", async () => {
    h = await startHarness({ now: "2026-12-01T02:00:00.000Z" });
    const secretary = h.user(SECRETARY);
    await setupCommittee(secretary, "Đảng ủy Khối", "Đảng ủy Khối các cơ quan tỉnh");
    const code = await issueLink(secretary, "Mời bí thư tổ chức trực thuộc");
    const an = h.user(NEWCOMER);
    await an.send(`/start ${code}`);
    const kinds = await an.waitForMessage(/lập tổ chức đảng nào/);
    expect(kinds.replyMarkup.inline_keyboard.flat().map((b: { text: string }) => b.text)).toEqual([
      "Đảng ủy cơ sở",
      "Chi bộ cơ sở (trực thuộc Đảng ủy Khối)",
    ]);
    await an.click("Đảng ủy cơ sở");
    await an.waitForMessage(/Tên đảng ủy là gì/);
    await an.send("Đảng ủy Sở Y tế");
    expect((await an.waitForMessage(/Đồng chí kiểm tra lại/)).text).toContain("Cấp ủy cấp trên: Đảng ủy Khối các cơ quan tỉnh");
    await an.click("Tạo đảng ủy cơ sở");
    await an.waitForMessage(/Đã tạo Đảng ủy Sở Y tế/);
    expect(await parentOf(h, "Đảng ủy Sở Y tế")).toBe("Đảng ủy Khối các cơ quan tỉnh");
    await secretary.waitForMessage(/đã gắn Đảng ủy Sở Y tế vào Đảng ủy Khối các cơ quan tỉnh/);
  });

  it("in English: a committee member's welcome, and the secretary told in their own language", async () => {
    h = await startHarness({ now: "2026-12-01T02:00:00.000Z" });
    await seedCommittee(h.db, { name: "Finance Department party committee", secretary: SECRETARY });
    const secretary = h.user(SECRETARY);
    const code = await issueLink(secretary, "Mời ủy viên đảng ủy");
    const member = h.user(COMMITTEE_MEMBER, { firstName: "Ann", languageCode: "en" });
    await member.send(`/start ${code}`);
    expect((await member.waitForMessage(/Welcome/)).text).toBe(
      "Welcome to Finance Department party committee as a committee member. Type /recognize to recognize the ratings of the organizations under it, /status to see how they stand.",
    );
    await secretary.waitForMessage(/Đồng chí Ann đã tham gia Finance Department party committee với vai trò ủy viên/);
    await h.user(COMMITTEE_MEMBER + 1, { languageCode: "en" }).send(`/start ${code}`);
    await h.user(COMMITTEE_MEMBER + 1).waitForMessage(/has already been used\. Each works once/);
  });
});

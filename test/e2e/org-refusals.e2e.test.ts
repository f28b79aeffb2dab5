// Issue 12, the refused paths: nobody recognizes their own branch's results, even from a seat on the committee above;
// a committee's buttons act only for that committee's people (button data is user input), never for the bloc two
// levels up or a sibling committee; a committee's link (for a member or a subordinate organization) works
// once, before it expires, unless revoked; and a committee set up by name before issue 12 gets its real secretary
// through a link its branch's secretary makes and cannot use.
import { afterEach, describe, expect, it, vi } from "vitest";
import { createOrganization } from "../../store/orgs";
import { startHarness, type Harness } from "../support/bot-harness";
import { seedBranch, seedCommittee, seedProposedResults } from "../support/seed";
import { seedOrgScore } from "../support/seed-tree";
import { issueLink } from "./org-steps";

let h: Harness;
afterEach(() => h.stop());

const SECRETARY = 901;
const BRANCH_SECRETARY = 902;
const OTHER_SECRETARY = 903;
const OUTSIDER = 904;
const DAY = 86_400_000;

/** A base committee over a branch whose secretary also sits on the committee; another committee over another branch. */
async function twoCommittees() {
  h = await startHarness({ now: "2026-12-25T02:00:00.000Z" });
  const branch = await seedBranch(h.db, {
    members: [
      { fullName: "Trần Thị Bình", kind: "official", telegramId: BRANCH_SECRETARY, roles: ["secretary"] },
      { fullName: "Nguyễn Văn An", kind: "official" },
    ],
  });
  await seedProposedResults(h.db, branch);
  const committee = await seedCommittee(h.db, { secretary: SECRETARY, committee: [BRANCH_SECRETARY], children: [branch.orgId] });
  const otherBranch = await seedBranch(h.db, { name: "Chi bộ Khác", members: [{ fullName: "Lê Văn Cường", kind: "official" }] });
  const other = await seedCommittee(h.db, { name: "Đảng ủy Khác", secretary: OTHER_SECRETARY, children: [otherBranch.orgId] });
  return { branch, committee, other };
}

const recognized = (harness: Harness) => harness.db.memberResult.count({ where: { state: "recognized" } });

describe("recognition is never one's own, and only for the committee above", () => {
  it("a branch secretary who sits on the committee cannot recognize or revoke their own branch's results", async () => {
    const { branch } = await twoCommittees();
    const binh = h.user(BRANCH_SECRETARY);
    await binh.send("/recognize");
    await binh.waitForMessage(/Chi bộ Văn phòng: 2 chờ công nhận/);
    await binh.click("Công nhận tất cả — Chi bộ Văn phòng");
    expect((await binh.waitForMessage(/không thể công nhận/)).text).toBe(
      "Đồng chí không thể công nhận hay hủy kết quả của Chi bộ Văn phòng: đồng chí giữ vai trò hoặc là đảng viên ở chính tổ chức đó. Việc này do một đồng chí khác trong cấp ủy cấp trên làm.",
    );
    await binh.pressForged(`rc:member:${branch.periodId}:${branch.memberIds["Nguyễn Văn An"]}`);
    await binh.waitForMessage(/không thể công nhận/);
    await binh.pressForged(`rc:revoke:${branch.periodId}:${branch.memberIds["Nguyễn Văn An"]}`);
    await binh.waitForMessage(/không thể công nhận/);
    expect(await recognized(h)).toBe(0);
    // The committee's secretary, who is not of the branch, can.
    const secretary = h.user(SECRETARY);
    await secretary.send("/recognize");
    await secretary.waitForMessage(/2 chờ công nhận/);
    await secretary.click("Công nhận tất cả — Chi bộ Văn phòng");
    await secretary.waitForMessage(/Đã công nhận 2 kết quả/);
  });

  it("another committee's secretary pressing a well-formed recognize button for this committee's branch is refused", async () => {
    const { branch } = await twoCommittees();
    const other = h.user(OTHER_SECRETARY);
    await other.send("/recognize");
    await other.waitForMessage(/./);
    await other.pressForged(`rc:all:${branch.periodId}`);
    await other.pressForged(`rc:member:${branch.periodId}:${branch.memberIds["Nguyễn Văn An"]}`);
    const refusals = () => other.messages().filter((m) => /Không tìm thấy kết quả này/.test(m.text ?? ""));
    await vi.waitFor(() => expect(refusals()).toHaveLength(2), { timeout: 30_000, interval: 50 });
    expect(await recognized(h)).toBe(0);
  }, 60_000);
});

describe("a committee's links are single-use, expire, can be revoked, and are issued only by its secretary", () => {
  it("a reused link, an expired link and a revoked link are each refused and grant nothing", async () => {
    await twoCommittees();
    const secretary = h.user(SECRETARY);
    const used = await issueLink(secretary, "Mời ủy viên đảng ủy");
    await h.user(OUTSIDER).send(`/start ${used}`);
    await h.user(OUTSIDER).waitForMessage(/Chào mừng/);
    const late = h.user(OUTSIDER + 1);
    await late.send(`/start ${used}`);
    expect((await late.waitForMessage(/đã được dùng/)).text).toContain("đề nghị bí thư Đảng ủy cơ sở gửi lời mời mới");

    const expiring = await issueLink(secretary, "Mời ủy viên đảng ủy");
    h.clock.advance(15 * DAY);
    await late.send(`/start ${expiring}`);
    await late.waitForMessage(/đã hết hạn/);

    const revoked = await issueLink(secretary, "Mời bí thư tổ chức trực thuộc");
    await secretary.send("/orginvites");
    const panel = await secretary.waitForMessage(/còn hiệu lực/);
    expect(panel.text).toMatch(
      /^Đảng ủy cơ sở: 1 lời mời còn hiệu lực\.\n1\. mời bí thư tổ chức trực thuộc — hết hạn ngày \d\d\/01\/2027$/,
    );
    await secretary.click("Thu hồi số 1");
    await secretary.waitForMessage(/Đã thu hồi lời mời số 1/);
    await late.send(`/start ${revoked}`);
    await late.waitForMessage(/đã bị thu hồi/);
    await late.send("/recognize");
    await late.waitForMessage(/chỉ dành cho/);
    const roles = await h.db.roleGrant.count({ where: { user: { telegramId: String(OUTSIDER + 1) } } });
    expect(roles).toBe(0);
  });

  it("forged buttons: a committee member cannot issue, another committee's secretary cannot revoke, nobody makes a second first secretary", async () => {
    const { committee } = await twoCommittees();
    const secretary = h.user(SECRETARY);
    await issueLink(secretary, "Mời ủy viên đảng ủy");
    const open = await h.db.orgInvite.findFirstOrThrow();
    const binh = h.user(BRANCH_SECRETARY); // a committee member, not its secretary
    await binh.send("/orginvites");
    await binh.waitForMessage(/dành cho bí thư đảng ủy/);
    await binh.pressForged(`oinv:issue:${committee.orgId}:committee`);
    await binh.waitForMessage(/dành cho bí thư đảng ủy/);
    await binh.pressForged(`oinv:issue:${committee.orgId}:first-secretary`);
    await binh.waitForMessage(/dành cho bí thư đảng ủy/);
    const other = h.user(OTHER_SECRETARY);
    await other.send("/orginvites");
    await other.waitForMessage(/còn hiệu lực/);
    await other.pressForged(`oinv:revoke:${open.id}`);
    await other.waitForMessage(/dành cho bí thư đảng ủy/);
    await other.pressForged(`oinv:issue:${committee.orgId}:subordinate`);
    await other.waitForMessage(/dành cho bí thư đảng ủy/);
    expect(await h.db.orgInvite.findMany({ select: { id: true, revokedAt: true } })).toEqual([{ id: open.id, revokedAt: null }]);
  });
});

describe("a committee /setup created from a typed name before issue 12", () => {
  it("its branch's secretary makes its first secretary's link, cannot use it, and the one who opens it runs the committee", async () => {
    h = await startHarness({ now: "2026-12-25T02:00:00.000Z" });
    const legacy = await createOrganization(h.db, { name: "Đảng ủy Sở Cũ", kind: "base-committee" }, null, h.clock.now());
    const branch = await seedBranch(h.db, {
      parentId: legacy.id,
      members: [
        { fullName: "Trần Thị Bình", kind: "official", telegramId: BRANCH_SECRETARY, roles: ["secretary"] },
        { fullName: "Nguyễn Văn An", kind: "official" },
      ],
    });
    await seedProposedResults(h.db, branch);
    const binh = h.user(BRANCH_SECRETARY, { firstName: "Bình" });
    // Nobody can recognize the branch yet, least of all its own secretary.
    await binh.send("/recognize");
    await binh.waitForMessage(/chỉ dành cho/);
    const code = await issueLink(binh, "Tạo lời mời bí thư Đảng ủy Sở Cũ");
    await binh.send(`/start ${code}`);
    await binh.waitForMessage(/không tự dùng được lời mời/);
    const chosen = h.user(OUTSIDER, { firstName: "Phạm Dũng" });
    await chosen.send(`/start ${code}`);
    await chosen.waitForMessage(/Đồng chí đã nhận vai trò bí thư Đảng ủy Sở Cũ/);
    expect((await binh.waitForMessage(/đã nhận vai trò bí thư/)).text).toBe(
      "Đồng chí Phạm Dũng đã nhận vai trò bí thư Đảng ủy Sở Cũ bằng lời mời do đồng chí tạo.",
    );
    // The committee has its secretary: the branch's secretary is offered no other link, and the new one runs it.
    await binh.send("/orginvites");
    await binh.waitForMessage(/dành cho bí thư đảng ủy/);
    await chosen.send("/orginvites");
    await chosen.waitForMessage(/Đảng ủy Sở Cũ: 0 lời mời còn hiệu lực/);
    await chosen.send("/recognize");
    await chosen.waitForMessage(/Chi bộ Văn phòng: 2 chờ công nhận/);
    await chosen.click("Công nhận tất cả — Chi bộ Văn phòng");
    await chosen.waitForMessage(/Đã công nhận 2 kết quả/);
  });
});

describe("acting on a branch is for the committee directly above it, not the bloc two levels up nor a sibling", () => {
  it("the bloc's secretary and a sibling base committee's secretary cannot recognize a branch's results or rating, even with well-formed buttons", async () => {
    h = await startHarness({ now: "2026-12-28T02:00:00.000Z" });
    const bloc = await seedCommittee(h.db, { name: "Đảng ủy Khối", kind: "bloc", secretary: OUTSIDER });
    const branch = await seedBranch(h.db, {
      members: [
        { fullName: "Trần Thị Bình", kind: "official" },
        { fullName: "Nguyễn Văn An", kind: "official" },
      ],
    });
    await seedProposedResults(h.db, branch);
    await seedCommittee(h.db, { secretary: SECRETARY, parentId: bloc.orgId, children: [branch.orgId] });
    await seedCommittee(h.db, { name: "Đảng ủy Khác", secretary: OTHER_SECRETARY, parentId: bloc.orgId });
    const rating = await seedOrgScore(h.db, { orgId: branch.orgId, level: "tsvm", state: "proposed" });
    for (const id of [OUTSIDER, OTHER_SECRETARY]) {
      const user = h.user(id);
      await user.send("/recognize");
      expect((await user.waitForMessage(/./)).text).not.toContain("Chi bộ Văn phòng");
      await user.pressForged(`rc:all:${branch.periodId}`);
      await user.waitForMessage(/Không tìm thấy kết quả này/);
      await user.pressForged(`rc:member:${branch.periodId}:${branch.memberIds["Nguyễn Văn An"]}`);
      await user.waitForMessage(/Không tìm thấy kết quả này/);
      await user.pressForged(`og:ok:${rating}`);
      await user.waitForMessage(/Không tìm thấy kết quả xếp loại này/);
    }
    expect(await recognized(h)).toBe(0);
    expect(await h.db.orgScore.findMany({ select: { state: true } })).toEqual([{ state: "proposed" }]);
    // The committee directly above can.
    const secretary = h.user(SECRETARY);
    await secretary.send("/recognize");
    await secretary.waitForMessage(/Chi bộ Văn phòng: 2 chờ công nhận/);
    await secretary.click("Công nhận tất cả — Chi bộ Văn phòng");
    await secretary.waitForMessage(/Đã công nhận 2 kết quả/);
  });

  it("a link for a subordinate organization's secretary, once used, attaches nothing more", async () => {
    h = await startHarness({ now: "2026-12-01T02:00:00.000Z" });
    await seedCommittee(h.db, { name: "Đảng ủy Sở Tài chính", secretary: SECRETARY });
    const code = await issueLink(h.user(SECRETARY), "Mời bí thư tổ chức trực thuộc");
    await seedBranch(h.db, {
      name: "Chi bộ Kế toán",
      members: [{ fullName: "Trần Thị Bình", kind: "official", telegramId: BRANCH_SECRETARY, roles: ["secretary"] }],
    });
    const other = await seedBranch(h.db, {
      name: "Chi bộ Khác",
      members: [{ fullName: "Lê Văn Cường", kind: "official", telegramId: OTHER_SECRETARY, roles: ["secretary"] }],
    });
    const binh = h.user(BRANCH_SECRETARY);
    await binh.send(`/start ${code}`);
    await binh.waitForMessage(/lời mời của Đảng ủy Sở Tài chính/);
    await binh.click("Chi bộ Kế toán");
    await binh.waitForMessage(/Đã gắn Chi bộ Kế toán/);
    const late = h.user(OTHER_SECRETARY);
    await late.send(`/start ${code}`);
    await late.waitForMessage(/đã được dùng/);
    expect((await h.db.organization.findUniqueOrThrow({ where: { id: other.orgId } })).parentId).toBeNull();
  });
});

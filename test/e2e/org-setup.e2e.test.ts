// Issue 12: /setup asks what is set up. A branch and a standalone base branch get their secretary and an open review
// period; a base committee and the bloc get their first secretary and no period. Nothing goes under a committee
// without that committee's link.
import { afterEach, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../support/bot-harness";
import { seedBranch } from "../support/seed";
import { finishBranchSetup, setupCommittee } from "./org-steps";

let h: Harness;
afterEach(() => h.stop());

const orgs = (harness: Harness) =>
  harness.db.organization.findMany({
    include: { roles: { include: { user: true } }, periods: true },
    orderBy: { createdAt: "asc" },
  });

describe("/setup of each kind of organization", () => {
  it("a standalone base branch: its own secretary, its period open, no committee above until the bloc's link", async () => {
    h = await startHarness({ now: "2026-12-01T02:00:00.000Z" });
    const lan = h.user(701);
    await lan.send("/setup");
    const question = await lan.waitForMessage(/lập tổ chức đảng nào/);
    expect(question.replyMarkup.inline_keyboard.flat().map((b: { text: string }) => b.text)).toEqual([
      "Chi bộ trực thuộc đảng ủy cơ sở",
      "Chi bộ cơ sở (trực thuộc Đảng ủy Khối)",
      "Đảng ủy cơ sở",
      "Đảng ủy Khối",
    ]);
    await lan.click("Chi bộ cơ sở (trực thuộc Đảng ủy Khối)");
    await lan.waitForMessage(/Tên chi bộ cơ sở là gì/);
    await lan.send("Chi bộ Trường Chính trị tỉnh");
    const done = await finishBranchSetup(lan, "Tạo chi bộ cơ sở");
    expect(done.text).toContain("Đồng chí là bí thư chi bộ cơ sở");
    const [org] = await orgs(h);
    expect(org).toMatchObject({ kind: "base-branch", name: "Chi bộ Trường Chính trị tỉnh", parentId: null });
    expect(org.roles.map((r) => [r.user.telegramId, r.role])).toEqual([["701", "secretary"]]);
    expect(org.periods.map((p) => p.year)).toEqual([2026]);
    // A base branch runs its own roster like any branch.
    await lan.send("/roster");
    await lan.waitForMessage(/Cách 1/);
  });

  it("a base committee and the bloc: the creator is the first secretary, with no review period and /orginvites next", async () => {
    h = await startHarness({ now: "2026-12-01T02:00:00.000Z" });
    const binh = h.user(702);
    const done = await setupCommittee(binh, "Đảng ủy cơ sở", "Đảng ủy Sở Tài chính");
    expect(done.text).toContain("Đồng chí là bí thư đảng ủy");
    expect(done.text).toContain("/orginvites");
    const cuong = h.user(703);
    expect((await setupCommittee(cuong, "Đảng ủy Khối", "Đảng ủy Khối các cơ quan tỉnh")).text).toContain("bí thư Đảng ủy Khối");
    const [base, bloc] = await orgs(h);
    expect(base).toMatchObject({ kind: "base-committee", name: "Đảng ủy Sở Tài chính", parentId: null, periods: [] });
    expect(bloc).toMatchObject({ kind: "bloc", name: "Đảng ủy Khối các cơ quan tỉnh", parentId: null, periods: [] });
    expect(base.roles.map((r) => [r.user.telegramId, r.role])).toEqual([["702", "secretary"]]);
    expect(bloc.roles.map((r) => [r.user.telegramId, r.role])).toEqual([["703", "secretary"]]);
    // The committee's secretary sees the committee's commands in /help, and no branch's.
    await binh.send("/help");
    const help = await binh.waitForMessage(/Bí thư đảng ủy:/);
    expect(help.text).toContain("/orginvites");
    expect(help.text).not.toContain("/roster");
    // A branch command tells them it is for a branch.
    await binh.send("/roster");
    await binh.waitForMessage(/dùng cho một chi bộ/);
  });

  it("a branch's secretary who then sets up a committee: the branch commands still act on the branch", async () => {
    h = await startHarness({ now: "2026-12-01T02:00:00.000Z" });
    await seedBranch(h.db, {
      members: [
        { fullName: "Trần Thị Bình", kind: "official", telegramId: 705, roles: ["secretary"] },
        { fullName: "Nguyễn Văn An", kind: "official" },
      ],
    });
    const binh = h.user(705);
    await binh.send("/setup");
    await binh.waitForMessage(/đã là bí thư của Chi bộ Văn phòng/);
    await binh.click("Lập thêm một tổ chức khác");
    await binh.waitForMessage(/lập tổ chức đảng nào/);
    await binh.click("Đảng ủy cơ sở");
    await binh.waitForMessage(/Tên đảng ủy là gì/);
    await binh.send("Đảng ủy Sở Tài chính");
    await binh.waitForMessage(/Đồng chí kiểm tra lại/);
    await binh.click("Tạo đảng ủy cơ sở");
    await binh.waitForMessage(/Đã tạo Đảng ủy Sở Tài chính/);
    // Their newest role is on the committee; /tally, /results and /deadline are the branch's.
    await binh.send("/tally");
    await binh.waitForMessage(/Chi bộ Văn phòng/);
    await binh.send("/results");
    await binh.waitForMessage(/./);
    expect(binh.lastMessage()?.text).not.toMatch(/dùng cho một chi bộ|chỉ dành cho/);
    await binh.send("/deadline");
    await binh.waitForMessage(/Chi bộ Văn phòng/);
  });

  it("in English: the same question and a base committee set up", async () => {
    h = await startHarness({ now: "2026-12-01T02:00:00.000Z" });
    const ann = h.user(704, { languageCode: "en" });
    await ann.send("/setup");
    await ann.waitForMessage(/What are you setting up\?/);
    await ann.click("A base committee");
    await ann.waitForMessage(/New base committee\. What is its name\?/);
    await ann.send("Finance Department party committee");
    const summary = await ann.waitForMessage(/Please check/);
    expect(summary.text).toContain("Base committee: Finance Department party committee");
    await ann.click("Create the base committee");
    expect((await ann.waitForMessage(/is created/)).text).toContain("You are its secretary.");
    expect(await h.db.organization.findFirstOrThrow()).toMatchObject({ kind: "base-committee" });
  });
});

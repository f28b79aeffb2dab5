// Issue 12 end to end: a bloc with two base committees and three branches, from the rosters to the committees'
// recognition and scoring, their reports going up and the bloc's report. The tree, its links, the recognitions, the
// scoring and the reports go through the chat; the meetings' counts are seeded (their chat path is tested in
// tally.e2e), and the self-reviews of a few members are written.
import { describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../support/bot-harness";
import { docxText } from "../support/zip";
import { voteBranch } from "../support/seed-committee-cap";
import type { EmulatedUser } from "../emulator/bot-api-emulator";
import { importRoster } from "./onboarding-steps";
import { answerScore, FULL_MARKS } from "./org-score-steps";
import { issueLink, setupCommittee, setupFromLink } from "./org-steps";
import { submitEverything } from "./self-review-steps";
import { recordHcmForAll } from "./tally-steps";

const BLOC = "Đảng ủy Khối các cơ quan tỉnh";
type Branch = { name: string; secretary: number };
/** The two base committees, their secretaries (on no branch), and their branches with their secretaries. */
const TREE: Array<{ name: string; secretary: number; branches: Branch[] }> = [
  { name: "Đảng ủy Sở Tài chính", secretary: 7101, branches: [{ name: "Chi bộ Ngân sách", secretary: 7111 }] },
  {
    name: "Đảng ủy Sở Y tế",
    secretary: 7201,
    branches: [
      { name: "Chi bộ Dược", secretary: 7211 },
      { name: "Chi bộ Khám bệnh", secretary: 7212 },
    ],
  },
];
const BRANCHES = TREE.flatMap((b) => b.branches);
const BLOC_SECRETARY = 7001;
/** Members who open their invite link and write their self-review: the second on each branch's roster. */
const WRITER = (branchSecretary: number) => branchSecretary + 50;
/** The one member excellent by vote (all the ballots): the Dược branch's second. */
const EXCELLENT = "Chi bộ Dược 2";

const rosterOf = (branch: string) => [`${branch} 1; chính thức; cấp ủy`, ...[2, 3, 4].map((i) => `${branch} ${i}; chính thức`)];

async function orgNamed(h: Harness, name: string) {
  return h.db.organization.findFirstOrThrow({ where: { name }, include: { parent: true, periods: true } });
}

/** /score answered with full marks and saved; returns the preview. */
async function scoreFullMarks(user: EmulatedUser) {
  await user.send("/score");
  await answerScore(user, { points: FULL_MARKS });
  const preview = await user.waitForMessage(/100 điểm/);
  await user.click("Lưu");
  await user.waitForMessage(/Đã lưu bản tự chấm điểm năm 2026/);
  return preview;
}

/** /orgs by the level above: open one organization's rating and recognize it. */
async function recognizeRating(user: EmulatedUser, org: string) {
  await user.send("/orgs");
  await user.waitForMessage(new RegExp(`${org} \\(2026\\): 100 điểm, .* — chờ công nhận`));
  await user.click(new RegExp(`^${org}`));
  await user.waitForMessage(/Tình trạng: chờ công nhận/);
  await user.click("Công nhận");
  return user.waitForMessage(new RegExp(`Đã công nhận ${org}, năm 2026`));
}

describe("a bloc, two base committees, three branches (issue 12)", () => {
  it("from the bloc's /setup and links to the rosters, the base committees' recognition and scoring, the reports going up and the bloc's report", async () => {
    const h = await startHarness({ now: "2026-12-01T02:00:00.000Z" });
    try {
      // The tree, by /setup and the links of each level.
      const bloc = h.user(BLOC_SECRETARY);
      await setupCommittee(bloc, "Đảng ủy Khối", BLOC);
      for (const base of TREE) {
        const code = await issueLink(bloc, "Mời bí thư tổ chức trực thuộc");
        await setupFromLink(h.user(base.secretary), code, "Đảng ủy cơ sở", base.name);
        await bloc.waitForMessage(new RegExp(`đã gắn ${base.name} vào ${BLOC}`));
        for (const branch of base.branches) {
          const link = await issueLink(h.user(base.secretary), "Mời bí thư tổ chức trực thuộc");
          const done = await setupFromLink(h.user(branch.secretary), link, "Chi bộ", branch.name);
          expect(done.text).toContain(`Tổ chức trực thuộc ${base.name}.`);
        }
      }
      for (const base of TREE) {
        expect((await orgNamed(h, base.name)).parent?.name).toBe(BLOC);
        for (const branch of base.branches) expect((await orgNamed(h, branch.name)).parent?.name).toBe(base.name);
      }

      // Rosters pasted; one member of each branch joins and writes the self-review.
      for (const branch of BRANCHES) {
        const codes = await importRoster(h.user(branch.secretary), rosterOf(branch.name));
        const writer = h.user(WRITER(branch.secretary));
        await writer.send(`/start ${codes[`${branch.name} 2`]}`);
        await writer.waitForMessage(/Chào mừng/);
        await submitEverything(writer);
      }
      expect(await h.db.selfReview.count({ where: { submittedAt: { not: null } } })).toBe(3);

      // The meetings (seeded counts): everyone good, one excellent by all the ballots.
      h.clock.set("2026-12-26T02:00:00.000Z");
      for (const branch of BRANCHES) {
        const org = await orgNamed(h, branch.name);
        const members = await h.db.member.findMany({ where: { orgId: org.id }, orderBy: { fullName: "asc" } });
        const period = { periodId: org.periods[0]!.id, ids: members.map((m) => m.id) };
        await recordHcmForAll(h, period.periodId, period.ids);
        await voteBranch(
          h.db,
          period,
          members.map((m) => (m.fullName === EXCELLENT ? 4 : 0)),
          h.clock.now(),
        );
      }

      // Each base committee's secretary recognizes its branches' results; a branch secretary cannot recognize.
      const branchSecretary = h.user(TREE[1]!.branches[0]!.secretary);
      await branchSecretary.send("/recognize");
      await branchSecretary.waitForMessage(/chỉ dành cho/);
      for (const base of TREE) {
        const committee = h.user(base.secretary);
        for (const branch of base.branches) {
          await committee.send("/recognize");
          await committee.waitForMessage(new RegExp(`${branch.name}: 4 chờ công nhận`));
          await committee.click(`Công nhận tất cả — ${branch.name}`);
          await committee.waitForMessage(new RegExp(`Đã công nhận 4 kết quả của ${branch.name}`));
        }
      }
      const recognized = await h.db.memberResult.findMany({ where: { state: "recognized" }, include: { member: true } });
      expect(recognized).toHaveLength(12);
      // M8 across the Y tế committee: 15% of its 8 members allows the one excellent by vote.
      expect(recognized.filter((r) => r.outcome === "L1").map((r) => r.member.fullName)).toEqual([EXCELLENT]);

      // The branches score themselves; each base committee recognizes its branches' ratings, then scores itself.
      for (const branch of BRANCHES) {
        const preview = await scoreFullMarks(h.user(branch.secretary));
        expect(preview.text).toContain("«Trong sạch, vững mạnh»");
        expect(preview.text).toContain("hoàn thành tốt nhiệm vụ trở lên (theo kết quả đã công nhận): 4/4");
      }
      for (const base of TREE) {
        const committee = h.user(base.secretary);
        for (const branch of base.branches) await recognizeRating(committee, branch.name);
        const preview = await scoreFullMarks(committee);
        expect(preview.text).toContain(
          `trong sạch, vững mạnh ${base.branches.length}, hoàn thành tốt 0, hoàn thành 0, yếu kém 0; chưa được công nhận: 0`,
        );
        await bloc.waitForMessage(new RegExp(`${base.name} đã tự chấm điểm năm 2026: 100 điểm`));
      }

      // The bloc recognizes the base committees' ratings and reads its reward lists.
      for (const base of TREE) await recognizeRating(bloc, base.name);
      const ratings = await h.db.orgScore.findMany({ where: { state: "recognized" }, include: { org: true } });
      expect(ratings.map((r) => `${r.org.kind} ${r.org.name} ${r.level}`).sort()).toEqual([
        "base-committee Đảng ủy Sở Tài chính tsvm",
        "base-committee Đảng ủy Sở Y tế tsvm",
        "branch Chi bộ Dược tsvm",
        "branch Chi bộ Khám bệnh tsvm",
        "branch Chi bộ Ngân sách tsvm",
      ]);
      await bloc.send("/rewards");
      await bloc.waitForMessage(new RegExp(`Thi đua, khen thưởng năm 2026 — ${BLOC}`));
      const organizations = await bloc.waitForMessage(/tổ chức cơ sở đảng «Trong sạch, vững mạnh» tiêu biểu$/m);
      for (const base of TREE) expect(organizations.text).toContain(base.name);

      // Each base committee sends its report up (D); the bloc's /status says so, and its report covers the tree.
      for (const base of TREE) {
        const committee = h.user(base.secretary);
        await committee.send("/report");
        await committee.waitForMessage(/Số báo cáo/);
        await committee.click(`Gửi báo cáo lên ${BLOC}`);
        await committee.waitForMessage(/Đã ghi nhận/);
      }
      await bloc.send("/status");
      const status = await bloc.waitForMessage(/Đã báo cáo/);
      expect(status.text).toContain("Tổng cộng 3 chi bộ: 12 đảng viên");
      expect(status.text).toContain("Đã báo cáo: 2/2 đơn vị.");
      await bloc.send("/report");
      const report = await bloc.waitForMessage((m) => m.document?.fileName === "bao-cao-xep-loai-2026.docx");
      const words = docxText(report.document!.bytes).replace(/\s+/g, " ");
      // I: every organization of the tree with its members by level; II: the organizations by level; IV: the excellent.
      expect(words).toContain("3 Đảng ủy Sở Y tế 8 0 0 8 1 12,5% 7 87,5% 0 0,0% 0 0,0% 0 Trong sạch, vững mạnh");
      expect(words).toContain("4 Chi bộ Dược 4 0 0 4 1 25,0% 3 75,0% 0 0,0% 0 0,0% 0 Trong sạch, vững mạnh");
      expect(words).toContain("Tổng cộng 12 0 0 12 1 8,3% 11 91,7% 0 0,0% 0 0,0% 0");
      expect(words).toContain("Tổ chức cơ sở đảng 2 2 100,0%");
      expect(words).toContain("Chi bộ trực thuộc 3 3 100,0%");
      expect(words).toContain(`1 ${EXCELLENT} Chi bộ Dược V. ĐỀ NGHỊ KHEN THƯỞNG`);
    } finally {
      await h.stop();
    }
  }, 180_000);
});

// /status under RULES-2025: the branch counts appraisals where 2011 counted ballots, and N1 leaves the suspended and
// the recently admitted out; the committee above says "thẩm định" for such a branch and "kiểm phiếu" for a 2011 one.
import { afterEach, describe, expect, it } from "vitest";
import { createOrganization } from "../../store/orgs";
import { startHarness, type Harness } from "../support/bot-harness";
import { seedAppraisal, seedBranch } from "../support/seed";

const SECRETARY = 701;
const UPPER = 702;
let h: Harness | undefined;
afterEach(async () => h?.stop());

describe("/status under the 366 rulebook", () => {
  it("N1, N7: the branch sees who is appraised and who is not evaluated; the committee sees each branch's own word", async () => {
    h = await startHarness({ now: "2026-12-25T02:00:00.000Z" });
    const parent = await createOrganization(h.db, { name: "Đảng ủy Sở", kind: "base-committee" }, null, h.clock.now());
    const members = ["An", "Bình", "Cường"].map((fullName) => ({ fullName, kind: "official" as const }));
    const b = await seedBranch(h.db, {
      name: "Chi bộ Mới",
      parentId: parent.id,
      rulebookId: "qd366-2025",
      members: [{ ...members[0]!, telegramId: SECRETARY, roles: ["secretary"] }, members[1]!, members[2]!],
      outsiders: [{ telegramId: UPPER, roles: ["committee"] }],
    });
    await seedBranch(h.db, { name: "Chi bộ Cũ", parentId: parent.id, members: [{ fullName: "Dũng", kind: "official" }] });
    await h.db.member.update({ where: { id: b.memberIds.Cường! }, data: { suspended: true } });
    await seedAppraisal(h.db, { periodId: b.periodId, memberId: b.memberIds.Bình!, at: h.clock.now() });

    const secretary = h.user(SECRETARY);
    await secretary.send("/status");
    const branch = await secretary.waitForMessage(/Tổng số đảng viên/);
    expect(branch.text).toContain("Không đánh giá (miễn công tác và sinh hoạt đảng, đình chỉ sinh hoạt, kết nạp chưa đủ 6 tháng): 1");
    expect(branch.text).toContain("Đã thẩm định: 1");
    expect(branch.text).not.toContain("kiểm phiếu");
    expect(branch.text).not.toContain("Vắng mặt, đánh giá sau");

    const upper = h.user(UPPER);
    await upper.send("/status");
    const lines = await upper.waitForMessage(/Tổng cộng 2 chi bộ/);
    expect(lines.text).toContain("Chi bộ Mới: 3 đảng viên; nộp 0, muộn 0, chưa nộp 2; thẩm định 1;");
    expect(lines.text).toContain("Chi bộ Cũ: 1 đảng viên; nộp 0, muộn 0, chưa nộp 1; kiểm phiếu 0;");
    expect(lines.text).toContain("kiểm phiếu hoặc thẩm định 1;");
  }, 60_000);

  it("under 2011 the branch's counts read as before: exempt only, absence deferred, ballots counted", async () => {
    h = await startHarness({ now: "2026-12-25T02:00:00.000Z" });
    await seedBranch(h.db, { members: [{ fullName: "An", kind: "official", telegramId: SECRETARY, roles: ["secretary"] }] });
    const secretary = h.user(SECRETARY);
    await secretary.send("/status");
    const branch = await secretary.waitForMessage(/Tổng số đảng viên/);
    expect(branch.text).toContain(
      "Không đánh giá (miễn công tác và sinh hoạt đảng): 0\nVắng mặt, đánh giá sau: 0\nĐã kiểm phiếu: 0\nĐã xếp loại: xuất sắc 0, tốt 0, hoàn thành 0, vi phạm/không hoàn thành 0",
    );
  });
});

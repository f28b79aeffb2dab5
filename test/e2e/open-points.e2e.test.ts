import { afterEach, describe, expect, it } from "vitest";
import { openPointSet } from "../../bot/kit/buttons";
import { startHarness, type Harness } from "../support/bot-harness";
import { seedBranch, seedCommittee } from "../support/seed";

let h: Harness;
afterEach(() => h.stop());

async function world(rulebookId = "qd366-2025") {
  h = await startHarness({ now: "2026-12-01T02:00:00.000Z" });
  const branch = await seedBranch(h.db, {
    rulebookId,
    members: [
      { fullName: "Trần Thị Bình", kind: "official", telegramId: 201, roles: ["secretary"] },
      { fullName: "Nguyễn Văn An", kind: "official", telegramId: 101 },
    ],
  });
  await seedCommittee(h.db, { name: "Đảng ủy Sở Tài chính", committee: [301], children: [branch.orgId] });
  return { branch, secretary: h.user(201), member: h.user(101), above: h.user(301) };
}

const stored = async (periodId: string) => JSON.parse((await h.db.reviewPeriod.findUniqueOrThrow({ where: { id: periodId } })).openPoints);

describe("/openpoints: the open points of the 366 rules (N6)", () => {
  it("the secretary sees each point's default, the value in force and where it decides, and changes one (audited)", async () => {
    const { branch, secretary } = await world();
    await secretary.send("/openpoints");
    const view = await secretary.waitForMessage(/Các điểm mở của Quy định 366/);
    expect(view.text).toContain("Mặc định của văn bản: làm tròn xuống\n   Đang áp dụng: làm tròn xuống");
    expect(view.text).toContain("Tác động: số đồng chí tối đa được xếp «hoàn thành xuất sắc nhiệm vụ»");
    await secretary.click("Đổi mục 2: làm tròn đến số gần nhất");
    const changed = await secretary.waitForMessage((m) => m.edited === true && /Đang áp dụng: làm tròn đến số gần nhất/.test(m.text ?? ""));
    expect(changed.text).toContain("Mặc định của văn bản: làm tròn xuống");
    expect(await stored(branch.periodId)).toEqual({ capRounding: "nearest" });
    const audit = await h.db.auditEvent.findFirstOrThrow({ where: { action: "period.open-point" } });
    expect(JSON.parse(audit.data ?? "{}")).toEqual({ key: "capRounding", value: "nearest", before: null });
  });

  it("a committee member above chooses the branch's period and changes a point; a member is refused", async () => {
    const { branch, above, member } = await world();
    await above.send("/openpoints");
    await above.waitForMessage(/Đồng chí chọn một kỳ/);
    await above.click("Chi bộ Văn phòng — năm 2026");
    await above.waitForMessage(/Các điểm mở của Quy định 366/);
    await above.click("Đổi mục 3: có");
    await above.waitForMessage((m) => m.edited === true && /Đang áp dụng: có/.test(m.text ?? ""));
    expect(await stored(branch.periodId)).toEqual({ outstandingUnit: true });

    await member.send("/openpoints");
    await member.waitForMessage(/bí thư/);
    expect(await h.db.auditEvent.count({ where: { action: "period.open-point" } })).toBe(1);
  });

  it("a well-formed button pressed by a member of the branch is refused and changes nothing", async () => {
    const { branch, member } = await world();
    await member.send("/openpoints");
    await member.waitForMessage(/bí thư/);
    await member.pressForged(openPointSet.pack({ periodId: branch.periodId, key: "capRounding", value: "nearest" }));
    await member.waitForMessage(/bí thư/);
    expect(await stored(branch.periodId)).toEqual({});
  });

  it("a 2011 period has no open points", async () => {
    const { secretary } = await world("hd07-2011");
    await secretary.send("/openpoints");
    await secretary.waitForMessage(/không có điểm mở nào/);
  });
});

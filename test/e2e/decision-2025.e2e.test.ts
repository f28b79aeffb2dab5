// N7 step 3 and N6 (366), in the chat: the base committee recognizes a branch's proposals as proposed, decides one
// member otherwise with a reason (the proposal kept as the version before), and the 20% cap cuts "xuất sắc" across
// two branches with a tie of equal points left to a committee member; a 2011 branch is recognized as before.
import { afterEach, describe, expect, it } from "vitest";
import { resultHistory } from "../../store/results";
import { startHarness, type Harness } from "../support/bot-harness";
import { seedCapCommittee, voteBranch } from "../support/seed-committee-cap";
import { seed2025Committee } from "../support/seed-decision-2025";

const SECRETARY_A = 601;
const MEMBER_A3 = 603;
const SECRETARY_B = 701;
const COMMITTEE = 900;
const L1 = "Hoàn thành xuất sắc nhiệm vụ";
const L2 = "Hoàn thành tốt nhiệm vụ";
const L3 = "Hoàn thành nhiệm vụ";

let h: Harness | undefined;
afterEach(async () => h?.stop());

type Button = { text: string; callback_data?: string };
const buttonsOf = (m: { replyMarkup?: { inline_keyboard?: Button[][] } }) => (m.replyMarkup?.inline_keyboard ?? []).flat();

describe("N7 step 3 and N6: the base committee decides under 366", () => {
  it("N7, N6: as proposed, otherwise with a reason, and the 20% cap with a tie left to the committee", async () => {
    h = await startHarness({ now: "2026-12-25T02:00:00.000Z" });
    const at = (level: "L1" | "L2", score: number) => ({ level, score });
    // Base 11 (everyone at «tốt» or better): 20% is 2 places for three proposals at 95, 91 and 91: a tie for the last.
    // Deciding one at «tốt» lower leaves 10: still 2 places.
    const { branches } = await seed2025Committee(h.db, {
      name: "Đảng ủy Sở Tài chính",
      branches: [
        {
          name: "Chi bộ A",
          secretary: SECRETARY_A,
          telegram: { 2: MEMBER_A3 },
          proposals: [at("L1", 95), at("L1", 91), at("L2", 80), at("L2", 78), at("L2", 75)],
        },
        {
          name: "Chi bộ B",
          secretary: SECRETARY_B,
          proposals: [at("L1", 91), at("L2", 85), at("L2", 80), at("L2", 72), at("L2", 70), at("L2", 70)],
        },
      ],
      committee: [COMMITTEE],
    });
    const [a, b] = [branches[0]!, branches[1]!];

    // The member has opened the bot's chat (it is told its decided level there).
    const memberA3 = h.user(MEMBER_A3);
    await memberA3.send("/start");
    await memberA3.waitForMessage(/./);
    const committee = h.user(COMMITTEE);
    await committee.send("/recognize");
    await committee.waitForMessage(/Chi bộ A: 5 chờ công nhận, 0 đã công nhận/);
    const figure = await committee.waitForMessage(
      /Giới hạn 20% số đảng viên hoàn thành xuất sắc nhiệm vụ — Đảng ủy Sở Tài chính, năm 2026/,
    );
    expect(figure.text).toContain(
      "Đảng ủy được giữ tối đa 2 đảng viên ở mức «Hoàn thành xuất sắc nhiệm vụ» (20% của 11 đảng viên hoàn thành tốt nhiệm vụ trở lên (tính cả đảng viên hoàn thành xuất sắc, theo lựa chọn của kỳ đánh giá) ở các chi bộ trực thuộc, làm tròn xuống theo lựa chọn của kỳ đánh giá).",
    );
    expect(figure.text).toContain("Xếp theo điểm trong đề xuất của chi bộ");
    expect(figure.text).toContain(
      "Bằng điểm ở ranh giới (91/100 điểm): 2 đồng chí cho 1 chỉ tiêu:\n• Chi bộ A 02 — Chi bộ A, 91/100 điểm\n• Chi bộ B 01 — Chi bộ B, 91/100 điểm",
    );

    // Decided otherwise: A 03, proposed «tốt», is decided «hoàn thành» with the committee's reason.
    await committee.click(`rc:each:${a.periodId}`);
    const members = await committee.waitForMessage(/Chi bộ A — chọn kết quả/);
    expect(buttonsOf(members).map((x) => x.text)).toContain("Quyết định khác: Chi bộ A 03");
    // Someone of the branch itself cannot decide its members' levels, even with well-formed data.
    const secretaryA = h.user(SECRETARY_A);
    await secretaryA.send("/start");
    await secretaryA.waitForMessage(/./);
    await secretaryA.pressForged(`rc:to:${a.periodId}:${a.ids[2]}:L3`);
    await secretaryA.waitForMessage(/Không tìm thấy kết quả này|không thể công nhận/);

    await committee.click(`rc:other:${a.periodId}:${a.ids[2]}`);
    const choose = await committee.waitForMessage(/Chi bộ A 03 — chi bộ đề xuất «Hoàn thành tốt nhiệm vụ» \(80\/100 điểm\)/);
    expect(buttonsOf(choose).map((x) => x.text)).toEqual([L1, L3, "Không hoàn thành nhiệm vụ"]);
    await committee.click(`rc:to:${a.periodId}:${a.ids[2]}:L3`);
    await committee.waitForMessage(/khác với đề xuất «Hoàn thành tốt nhiệm vụ» của chi bộ. Đồng chí gõ lý do/);
    await committee.send("   ");
    await committee.waitForMessage(/Cần ghi lý do quyết định khác với đề xuất/);
    await committee.send("Hai nhiệm vụ hoàn thành chậm so với kế hoạch.");
    await committee.waitForMessage(`Đã quyết định: đồng chí Chi bộ A 03 — «${L3}». Lý do: Hai nhiệm vụ hoàn thành chậm so với kế hoạch.`);
    const told = await memberA3.waitForMessage(/Cấp ủy cấp trên đã quyết định kết quả xếp loại/);
    expect(told.text).toBe(
      `Cấp ủy cấp trên đã quyết định kết quả xếp loại chất lượng đảng viên năm 2026 của đồng chí: ${L3} (chi bộ đề xuất «${L2}»). Lý do: Hai nhiệm vụ hoàn thành chậm so với kế hoạch.`,
    );
    await secretaryA.waitForMessage(/Cấp ủy cấp trên quyết định xếp đồng chí Chi bộ A 03 ở mức/);
    const decided = await resultHistory(h.db, a.periodId, a.ids[2]!);
    expect(decided.map((r) => [r.state, r.outcome.kind === "level" ? r.outcome.level : r.outcome.kind])).toEqual([
      ["proposed", "L2"],
      ["recognized", "L3"],
    ]);
    expect(decided[1]!.outcome.reasons[0]).toEqual({
      code: "decision.differs",
      params: { proposed: "L2", note: "Hai nhiệm vụ hoàn thành chậm so với kế hoạch." },
    });
    // The branch sees the decided level and why.
    await secretaryA.send("/results");
    const results = await secretaryA.waitForMessage(/Kết quả xếp loại —/);
    expect(results.text).toContain(
      `Chi bộ A 03: ${L3} (đã công nhận)\n   Cấp có thẩm quyền quyết định khác với đề xuất «${L2}» của chi bộ. Lý do: Hai nhiệm vụ`,
    );

    // As proposed: the rest of A is recognized; the excellent wait for the tie.
    await committee.click(`rc:all:${a.periodId}`);
    await committee.waitForMessage(/Đã công nhận 2 kết quả của Chi bộ A/);
    expect((await committee.waitForMessage(/chưa được công nhận/)).text).toBe(
      `2 kết quả mức «${L1}» chưa được công nhận: còn trường hợp bằng điểm ở ranh giới 20% chờ đảng ủy chọn (xem /recognize).`,
    );

    // The tie: the committee keeps B 01; A 02 moves to «tốt», and A's secretary is told.
    await committee.click(`ccap:keep:${b.ids[0]}`);
    await committee.waitForMessage("Đã quyết định xong trường hợp bằng điểm; giới hạn đã được áp dụng.");
    await committee.waitForMessage(/Đảng ủy đã áp dụng giới hạn: 2 đồng chí giữ mức xuất sắc, 1 đồng chí chuyển/);
    await secretaryA.waitForMessage(/Đảng ủy Sở Tài chính đã áp dụng giới hạn 20% .*: kết quả của 1 đồng chí trong chi bộ đã thay đổi/);
    await committee.click(`rc:all:${a.periodId}`);
    await committee.waitForMessage(/Đã công nhận 2 kết quả của Chi bộ A/);
    await committee.click(`rc:all:${b.periodId}`);
    await committee.waitForMessage(/Đã công nhận 6 kết quả của Chi bộ B/);
    const cut = (await resultHistory(h.db, a.periodId, a.ids[1]!)).map((r) => [r.state, r.outcome.kind === "level" && r.outcome.level]);
    expect(cut).toEqual([
      ["proposed", "L1"],
      ["proposed", "L2"],
      ["recognized", "L2"],
    ]);
    await secretaryA.send("/results");
    const after = await secretaryA.waitForMessage(/Kết quả xếp loại —/);
    expect(after.text).toContain(
      `Chi bộ A 02: ${L2} (đã công nhận)\n   Số đảng viên hoàn thành xuất sắc nhiệm vụ trong toàn đảng bộ không được vượt quá 20% (tối đa 2 trong số 10 đảng viên hoàn thành tốt nhiệm vụ trở lên (tính cả đảng viên hoàn thành xuất sắc, theo lựa chọn của kỳ đánh giá) ở các chi bộ, làm tròn xuống theo lựa chọn của kỳ đánh giá); với 91/100 điểm`,
    );
    expect((await resultHistory(h.db, b.periodId, b.ids[0]!)).at(-1)).toMatchObject({ state: "recognized", outcome: { level: "L1" } });
  });

  it("M15: a 2011 branch is recognized as before, with no decision otherwise", async () => {
    h = await startHarness({ now: "2026-12-25T02:00:00.000Z" });
    const { branches } = await seedCapCommittee(h.db, {
      name: "Đảng ủy Sở Xây dựng",
      branches: [{ name: "Chi bộ C", size: 4 }],
      committee: [COMMITTEE],
    });
    const c = branches[0]!;
    await voteBranch(h.db, c, [1, 1], h.clock.now());
    const committee = h.user(COMMITTEE);
    await committee.send("/recognize");
    await committee.waitForMessage(/Chi bộ C: 4 chờ công nhận/);
    await committee.click(`rc:each:${c.periodId}`);
    const members = await committee.waitForMessage(/Chi bộ C — chọn kết quả/);
    expect(buttonsOf(members).some((x) => x.callback_data?.startsWith("rc:other:"))).toBe(false);
    await committee.pressForged(`rc:other:${c.periodId}:${c.ids[2]}`);
    await committee.waitForMessage(/Không tìm thấy kết quả này/);
    await committee.click(`rc:all:${c.periodId}`);
    await committee.waitForMessage(/Đã công nhận 4 kết quả của Chi bộ C/);
  });
});

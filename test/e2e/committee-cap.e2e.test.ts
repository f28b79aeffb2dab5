// M8, revised Decision, in the chat: two branches under one base committee preview the committee-wide 15% figure,
// the committee applies the cut when recognizing, a tie at the boundary waits for a committee member from another
// branch, and a standalone base branch keeps its own cap.
import { afterEach, describe, expect, it, vi } from "vitest";
import { evaluateBranch, resultHistory } from "../../store/results";
import { recordTally } from "../../store/tallies";
import { startHarness, type Harness } from "../support/bot-harness";
import { ballots, seedCapCommittee, seedStandaloneBaseBranch, voteBranch } from "../support/seed-committee-cap";
import { REVIEW_OFFSET } from "../support/time-zone";

const SECRETARY_A = 401;
const SECRETARY_B = 501;
/** On the committee, and the second member of branch B: one of B's candidates. */
const COMMITTEE_FROM_B = 502;
const COMMITTEE = 900;
const OTHER_COMMITTEE = 950;
const L1 = "Đủ tư cách, hoàn thành xuất sắc nhiệm vụ";
const L2 = "Đủ tư cách, hoàn thành tốt nhiệm vụ";

let h: Harness | undefined;
afterEach(async () => h?.stop());

const levelOf = async (harness: Harness, periodId: string, memberId: string) =>
  (await resultHistory(harness.db, periodId, memberId)).at(-1)!;

describe("M8: the 15% cap across a base committee, in the chat", () => {
  it("M8: branches preview the committee figure, the committee applies the cut, a tie waits for a committee member", async () => {
    h = await startHarness({ now: "2026-12-25T02:00:00.000Z" });
    const harness = h;
    const { committeeId, branches } = await seedCapCommittee(h.db, {
      name: "Đảng ủy Sở Tài chính",
      branches: [
        { name: "Chi bộ A", size: 10, secretary: SECRETARY_A },
        { name: "Chi bộ B", size: 5, secretary: SECRETARY_B, firstMember: COMMITTEE_FROM_B },
      ],
      committee: [COMMITTEE, COMMITTEE_FROM_B],
    });
    const [a, b] = [branches[0]!, branches[1]!];
    // A stranger sitting on another committee only.
    await seedStandaloneBaseBranch(h.db, { name: "Chi bộ cơ sở X", size: 1, bloc: [OTHER_COMMITTEE] });

    // A counts first: 9/10 and 7/10 for excellent. Alone its cap would be 1 of 10; it keeps both for the committee.
    await voteBranch(h.db, a, [9, 7], h.clock.now());
    const secretaryA = h.user(SECRETARY_A);
    await secretaryA.send("/results");
    const previewA = await secretaryA.waitForMessage(/Kết quả xếp loại —/);
    expect(previewA.text).toContain(`Chi bộ A 02: ${L1} (đang đề nghị)`);
    expect(previewA.text).toContain("được tính chung cho các chi bộ trực thuộc Đảng ủy Sở Tài chính");
    expect(previewA.text).toContain("Đảng ủy được giữ tối đa 1 đảng viên");
    expect(previewA.text).toContain("Số chi bộ chưa có đủ kết quả: 1.");
    expect(previewA.text).toContain("Chi bộ có 2 đồng chí đạt mức xuất sắc qua biểu quyết:\n• Chi bộ A 01 — Chi bộ A, 9/10 phiếu xuất sắc");

    // B counts: 5/5 and 4/5. Alone its cap would be 0 of 5; the committee may keep 2 of 15.
    await voteBranch(h.db, b, [5, 4], h.clock.now());
    const secretaryB = h.user(SECRETARY_B);
    await secretaryB.send("/results");
    const previewB = await secretaryB.waitForMessage(/Kết quả xếp loại —/);
    expect(previewB.text).toContain("Đảng ủy được giữ tối đa 2 đảng viên");
    expect(previewB.text).toContain("trong toàn đảng bộ: 4 đồng chí (0 đã được công nhận)");
    expect(previewB.text).toContain("Số chi bộ chưa có đủ kết quả: 0.");
    expect(previewB.text).toContain(`Chi bộ B 01: ${L1} (đang đề nghị)`);

    // The committee sees the cut by share: 100% (B) and 90% (A) keep, 80% (B) and 70% (A) move down.
    const committee = h.user(COMMITTEE);
    await committee.send("/recognize");
    const cut = await committee.waitForMessage(/Giới hạn 15% số đảng viên hoàn thành xuất sắc nhiệm vụ — Đảng ủy Sở Tài chính, năm 2026/);
    expect(cut.text).toMatch(/Giữ mức xuất sắc:\n• Chi bộ B 01 — Chi bộ B, 5\/5 phiếu xuất sắc\n• Chi bộ A 01 — Chi bộ A, 9\/10/);
    expect(cut.text).toMatch(new RegExp(`Chuyển sang mức «${L2}»:\\n• Chi bộ B 02 — Chi bộ B, 4/5 phiếu xuất sắc\\n• Chi bộ A 02`));

    // Recognizing A before the cut recognizes the others and holds the excellent ones back.
    await committee.click(`rc:all:${a.periodId}`);
    await committee.waitForMessage(/Đã công nhận 8 kết quả của Chi bộ A/);
    expect((await committee.waitForMessage(/chưa được công nhận/)).text).toContain(
      "2 kết quả mức «Đủ tư cách, hoàn thành xuất sắc nhiệm vụ»",
    );

    // Someone sitting on another committee cannot apply this one's cut, even with well-formed data.
    const stranger = h.user(OTHER_COMMITTEE);
    await stranger.send("/recognize");
    await stranger.waitForMessage(/./);
    await stranger.pressForged(`ccap:apply:${committeeId}:2026`);
    await stranger.waitForMessage(/chỉ dành cho/);
    expect((await levelOf(h, a.periodId, a.ids[1]!)).outcome).toMatchObject({ level: "L1" });

    await committee.click(`ccap:apply:${committeeId}:2026`);
    await committee.waitForMessage(/Đã áp dụng giới hạn/);
    await committee.waitForMessage(/Đảng ủy đã áp dụng giới hạn: 2 đồng chí giữ mức xuất sắc, 2 đồng chí chuyển/);
    await secretaryA.waitForMessage(/Đảng ủy Sở Tài chính đã áp dụng giới hạn 15%.*: kết quả của 1 đồng chí trong chi bộ đã thay đổi/);
    await secretaryA.send("/results");
    const afterCut = await secretaryA.waitForMessage(/Kết quả xếp loại —/);
    expect(afterCut.text).toMatch(
      new RegExp(`Chi bộ A 02: ${L2} \\(đang đề nghị\\)\\n\\s+Số đảng viên hoàn thành xuất sắc nhiệm vụ trong toàn đảng bộ`),
    );
    expect(afterCut.text).toContain("với 7/10 phiếu xuất sắc, đảng ủy xếp đồng chí ở mức");
    expect(afterCut.text).toContain("Đảng ủy đã áp dụng giới hạn; các kết quả ở trên đã theo quyết định đó.");
    await committee.click(`rc:all:${a.periodId}`);
    await committee.waitForMessage(/Đã công nhận 2 kết quả của Chi bộ A/);

    // B votes again for its second member (5/5): level with its first for the one seat left, a tie.
    await recordTally(
      h.db,
      { periodId: b.periodId, memberId: b.ids[1]!, slot: 1, tally: ballots(5, 5), enteredById: "sec" },
      h.clock.now(),
    );
    await evaluateBranch(h.db, { periodId: b.periodId, actorId: "sec" }, h.clock.now(), REVIEW_OFFSET);
    await committee.send("/recognize");
    const tie = await committee.waitForMessage(/Bằng tỷ lệ phiếu \(5\/5\) ở ranh giới: 2 đồng chí cho 1 chỉ tiêu/);
    expect(tie.text).toContain("Chưa có gì là chính thức cho đến khi chọn xong.");
    await committee.click(`rc:all:${b.periodId}`);
    await committee.waitForMessage(/Đã công nhận 3 kết quả của Chi bộ B/);
    await committee.waitForMessage(/còn trường hợp bằng tỷ lệ phiếu ở ranh giới 15% chờ đảng ủy chọn/);
    await secretaryB.send("/results");
    expect((await secretaryB.waitForMessage(/Kết quả xếp loại —/)).text).toContain("đảng ủy đang quyết định, chưa có gì là chính thức");

    // A committee member who is in branch B (and in the tie) may not decide it.
    const fromB = h.user(COMMITTEE_FROM_B);
    await fromB.send("/recognize");
    await fromB.waitForMessage(/Bằng tỷ lệ phiếu/);
    await fromB.click(`ccap:keep:${b.ids[1]}`);
    await fromB.waitForMessage(/không quyết định được trường hợp bằng phiếu này/);
    expect((await levelOf(h, b.periodId, b.ids[0]!)).outcome).toMatchObject({ level: "L1" });

    await committee.click(`ccap:keep:${b.ids[1]}`);
    await committee.waitForMessage(/Đã quyết định xong trường hợp bằng tỷ lệ phiếu/);
    await secretaryB.waitForMessage(/kết quả của 2 đồng chí trong chi bộ đã thay đổi/);
    const chosen = await levelOf(h, b.periodId, b.ids[1]!);
    expect(chosen.outcome.reasons.at(-1)).toEqual({ code: "cap.committee-chose", params: { level: "L1", percent: 15 } });
    const movedDown = await levelOf(h, b.periodId, b.ids[0]!);
    expect(movedDown.outcome).toMatchObject({ kind: "level", level: "L2" });
    const committeeUser = await h.db.user.findUniqueOrThrow({ where: { telegramId: String(COMMITTEE) } });
    const row = await h.db.memberResult.findUniqueOrThrow({ where: { id: movedDown.id } });
    expect(row.createdById).toBe(committeeUser.id);
    const decision = await h.db.committeeCapDecision.findFirstOrThrow({ where: { memberId: b.ids[0]! } });
    expect(decision).toMatchObject({ committeeId, level: "L2", chosen: true, decidedById: committeeUser.id });

    await committee.send("/recognize");
    await committee.waitForMessage(/Đảng ủy đã áp dụng giới hạn: 1 đồng chí giữ mức xuất sắc, 1 đồng chí chuyển/);
    await committee.click(`rc:all:${b.periodId}`);
    await committee.waitForMessage(/Đã công nhận 2 kết quả của Chi bộ B/);
    await vi.waitFor(async () => expect(await harness.db.memberResult.count({ where: { state: "recognized" } })).toBe(15));
  }, 120_000);

  it("M8: a standalone base branch keeps its own cap: 5 members allow none, and no committee figure is shown", async () => {
    h = await startHarness({ now: "2026-12-25T02:00:00.000Z" });
    const { branch } = await seedStandaloneBaseBranch(h.db, {
      name: "Chi bộ cơ sở Kho bạc",
      size: 5,
      secretary: 601,
      bloc: [OTHER_COMMITTEE],
    });
    await voteBranch(h.db, branch, [5, 4], h.clock.now());
    const secretary = h.user(601);
    await secretary.send("/results");
    const list = await secretary.waitForMessage(/Kết quả xếp loại —/);
    expect(list.text).toMatch(
      new RegExp(
        `Chi bộ cơ sở Kho bạc 01: ${L2} \\(đang đề nghị\\)\\n\\s+Số đảng viên hoàn thành xuất sắc nhiệm vụ không được vượt quá 15% \\(tối đa 0 trong số 5`,
      ),
    );
    expect(list.text).not.toContain("tính chung");
    const bloc = h.user(OTHER_COMMITTEE);
    await bloc.send("/recognize");
    await bloc.waitForMessage(/5 chờ công nhận/);
    await bloc.click(`rc:all:${branch.periodId}`);
    await bloc.waitForMessage(/Đã công nhận 5 kết quả/);
    expect(bloc.messages().some((m) => /Giới hạn 15%/.test(m.text ?? ""))).toBe(false);
  }, 60_000);
});

// Issue 13: the evening after the meeting, the whole branch counted in one go (a pasted table or the XLSX sheet).
import ExcelJS from "exceljs";
import { afterEach, describe, expect, it } from "vitest";
import type { EmulatedUser } from "../emulator/bot-api-emulator";
import type { Harness } from "../support/bot-harness";
import { startHarness } from "../support/bot-harness";
import { seedBranch } from "../support/seed";
import { activeTallies } from "../../store/tallies";
import { latestResults } from "../../store/results";
import { recordHcmForAll, SECRETARY, startMeetingWorld } from "./tally-steps";

let h: Harness | undefined;
afterEach(async () => h?.stop());

/** The secretary's taps and messages, counted. */
function counting(user: EmulatedUser) {
  let actions = 0;
  const counted =
    <A extends unknown[]>(act: (...args: A) => Promise<unknown>) =>
    (...args: A) => {
      actions++;
      return act(...args);
    };
  return {
    get actions() {
      return actions;
    },
    send: counted((text: string) => user.send(text)),
    click: counted((button: string | RegExp) => user.click(button)),
  };
}

/** Every text the bot sent the user since `from` (a long preview comes in several messages). */
const textsSince = (user: EmulatedUser, from: number) =>
  user
    .messages()
    .slice(from)
    .map((m) => m.text ?? "")
    .join("\n");

describe("/tally_all: counting a whole branch at once (issue 13)", () => {
  it("M13, M8: a branch of 30 counted from one paste, a bad line fixed on its own, in under 15 actions", async () => {
    // A standalone base branch: the 15% cap is its own (M8 revised Decision), shown in the preview with its figures.
    const world = await startMeetingWorld(30, { standalone: true });
    h = world.h;
    const { names, memberIds, ids } = world;
    await recordHcmForAll(h, ids.periodId, memberIds);
    const secretary = h.user(SECRETARY);
    const me = counting(secretary);

    await me.send("/tally");
    const board = await secretary.waitForMessage(/Ghi kết quả biểu quyết/);
    expect(board.text).toContain("Đã nhập số phiếu: 0/30 đồng chí.");
    await me.click(/^tla:/);
    const intro = await secretary.waitForMessage(/Nhập số phiếu cả chi bộ một lần/);
    expect(intro.text).toContain("số đảng viên chính thức; số có mặt; số phiếu hợp lệ");

    // L1 ballots: 25, 25, 25, 24, 23, 22 for the first six (all reach 2/3 of 30); the cap is floor(15% × 30) = 4.
    const l1 = [25, 25, 25, 24, 23, 22];
    const lines = names.map((name, i) => {
      const written = i === 1 ? "Nguyen Van Duc 02" : i === 2 ? "Nguyễn  Văn   Đức 03" : name;
      const votes = i < l1.length ? [l1[i]!, 28 - l1[i]!, 0, 0] : [2, 20, 6, 0];
      const present = i === 6 ? 31 : 28; // line 7: more present than official members
      return [written, 30, present, 28, ...votes].join("\t");
    });
    const sent = secretary.messages().length;
    await me.send(lines.join("\n"));
    const errors = await secretary.waitForMessage(/dòng cần sửa/);
    expect(errors.text).toContain(`Dòng 7 (${names[6]}): Số có mặt (31) không được lớn hơn số đảng viên chính thức (30).`);
    expect(errors.text).toContain("Đã giữ 29 dòng đúng");
    expect(await activeTallies(h.db, ids.periodId)).toEqual([]);

    await me.send(`${names[6]}\t30\t28\t28\t2\t20\t6\t0`);
    await secretary.waitForMessage(/chọn «Lưu»/);
    const preview = textsSince(secretary, sent);
    expect(preview).toContain("Xem lại — số phiếu của 30 đồng chí");
    expect(preview).toContain("2. Nguyễn Văn Đức 02 (trong bảng ghi «Nguyen Van Duc 02»)");
    expect(preview).toMatch(/1\. Nguyễn Văn Đức 01: .*\n\s+→ Đủ tư cách, hoàn thành xuất sắc nhiệm vụ\. Được 25\/30/);
    // M8: the two with the fewest L1 ballots are lowered by the cap, and the preview says why.
    expect(preview).toMatch(/6\. Nguyễn Văn Đức 06: .*\n\s+→ Đủ tư cách, hoàn thành tốt nhiệm vụ\..*không được vượt quá 15%/);
    expect(preview).toContain("Tỷ lệ 15%: số đảng viên hoàn thành xuất sắc nhiệm vụ không quá 4 (15% của 30 đồng chí");
    expect(preview).not.toContain("Chưa có số phiếu");

    await me.click("ta:save");
    const saved = await secretary.waitForMessage(/Đã lưu số phiếu của 30 đồng chí/);
    expect(saved.text).toContain("Đã nhập: 30/30");
    expect(me.actions).toBeLessThan(15);

    const results = await latestResults(h.db, ids.periodId);
    expect(results.size).toBe(30);
    const levels = memberIds.map((id) => {
      const outcome = results.get(id)!.outcome;
      return outcome.kind === "level" ? outcome.level : outcome.kind;
    });
    expect(levels.slice(0, 8)).toEqual(["L1", "L1", "L1", "L1", "L2", "L2", "L2", "L2"]);
    expect(await activeTallies(h.db, ids.periodId)).toHaveLength(30);

    // A correction later supersedes that member's entry, as one member's correction does.
    await me.send("/tally_all");
    await secretary.waitForMessage(/Nhập số phiếu cả chi bộ một lần/);
    await me.send(`${names[29]};30;28;28;0;0;27;0`);
    await secretary.waitForMessage(/chọn «Lưu»/);
    await me.click("ta:save");
    await secretary.waitForMessage(/Đã lưu số phiếu của 1 đồng chí/);
    const tallies = await activeTallies(h.db, ids.periodId);
    expect(tallies).toHaveLength(30);
    expect(tallies.find((t) => t.memberId === memberIds[29])!.votes).toEqual({ L1: 0, L2: 0, L3: 27, L4: 0 });
  }, 120_000);

  it("M13, M9: the XLSX template comes back filled; a name that fits two members is asked; an L4 row gets its grounds", async () => {
    h = await startHarness({ now: "2026-12-25T02:00:00.000Z" });
    const names = ["Trần Thị Bình", "Nguyễn Văn An", "Nguyễn Văn Ân", "Lê Văn Cường"];
    const ids = await seedBranch(h.db, {
      members: names.map((fullName, i) => ({
        fullName,
        kind: "official",
        ...(i === 0 ? { telegramId: SECRETARY, roles: ["secretary"] } : {}),
      })),
    });
    // M12: the actions are written, the meeting's acknowledgement is asked once in the dialog.
    await recordHcmForAll(h, ids.periodId, Object.values(ids.memberIds), { acknowledged: false });
    const secretary = h.user(SECRETARY);

    await secretary.send("/tally_all");
    await secretary.waitForMessage(/Nhập số phiếu cả chi bộ một lần/);
    await secretary.click(/^tlx:/);
    const template = await secretary.waitForMessage((m) => m.document?.fileName.endsWith(".xlsx") ?? false);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template.document!.bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getCell("B5").value).toBe("Trần Thị Bình");
    expect(sheet.getCell("C5").value).toBe(4);
    // Filled in as the counting committee would: blanks are 0; Lê Văn Cường's row left empty (not counted yet).
    const fill: Record<number, number[]> = { 5: [4, 4, 3, 1], 6: [4, 4, 0, 4], 7: [4, 4, 0, 0, 0, 4] };
    for (const [row, counts] of Object.entries(fill))
      for (const [i, n] of counts.entries()) sheet.getRow(Number(row)).getCell(4 + i).value = n;
    await secretary.sendDocument("bien-ban.xlsx", Buffer.from(await workbook.xlsx.writeBuffer()));
    // Row 7 reaches L4 (4 of 4): the grounds are asked, naming the member.
    await secretary.waitForMessage(/Dòng 7 — đồng chí Nguyễn Văn Ân/);
    await secretary.click("tc:caused-disunity");
    await secretary.waitForMessage((m) =>
      (m.replyMarkup?.inline_keyboard ?? []).flat().some((b: { text: string }) => b.text.startsWith("✓")),
    );
    await secretary.click("tc:done");
    await secretary.waitForMessage(/đã thừa nhận những việc làm cụ thể/);
    await secretary.click("ta:ackall");
    const preview = await secretary.waitForMessage(/Xem lại — số phiếu của 3 đồng chí/);
    expect(preview.text).toContain("Vi phạm tư cách hoặc không hoàn thành nhiệm vụ");
    expect(preview.text).toContain("Chưa có số phiếu: 1 đồng chí (Lê Văn Cường)");

    // A corrected line for Nguyễn Văn An, written without diacritics: it fits An and Ân, so the secretary picks.
    await secretary.send("Nguyen Van An; 4; 4; 4; 0; 4; 0; 0");
    const pick = await secretary.waitForMessage(/khớp với nhiều đồng chí/);
    expect(pick.replyMarkup!.inline_keyboard.flat().map((b: { text: string }) => b.text)).toEqual(["Nguyễn Văn An", "Nguyễn Văn Ân"]);
    await secretary.send("bình"); // not a candidate: the question is asked again
    await secretary.waitForMessage(/chọn một mục của câu hỏi hiện tại|khớp với nhiều/);
    await secretary.click("tap:0");
    await secretary.waitForMessage(/Xem lại — số phiếu của 3 đồng chí/);
    await secretary.click("ta:hands");
    await secretary.waitForMessage(/Biểu quyết giơ tay/);
    await secretary.click("ta:save");
    await secretary.waitForMessage(/Đã lưu số phiếu của 3 đồng chí/);

    const tallies = await activeTallies(h.db, ids.periodId);
    const of = (name: string) => tallies.find((t) => t.memberId === ids.memberIds[name])!;
    expect(of("Nguyễn Văn An").votes).toEqual({ L1: 0, L2: 4, L3: 0, L4: 0 });
    expect(of("Nguyễn Văn An").method).toBe("hands");
    expect(of("Nguyễn Văn Ân").l4Grounds).toEqual(["caused-disunity"]);
    expect(tallies).toHaveLength(3);
    // Saved with the counts, in the same transaction: every member's acknowledgement (asked once, not again).
    expect(await h.db.hcmAcknowledgement.count({ where: { periodId: ids.periodId } })).toBe(4);
    expect(secretary.messages().filter((m) => /đã thừa nhận những việc làm cụ thể/.test(m.text ?? ""))).toHaveLength(1);
  }, 60_000);
});

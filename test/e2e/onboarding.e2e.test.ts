import { afterEach, describe, expect, it } from "vitest";
import { listAudit } from "../../store/audit";
import type { Harness } from "../support/bot-harness";
import { startHarness } from "../support/bot-harness";
import { seedBranch } from "../support/seed";
import {
  collectInviteCodes,
  importRoster,
  pick,
  setupUntilDeadline,
  startBranchWithMember,
  startBranchWorld,
  startSetup,
} from "./onboarding-steps";

let h: Harness;
afterEach(() => h.stop());

const ROSTER = ["Nguyễn Văn An; chính thức; tổ 1", "Lê Văn Cường; dự bị; tổ 2", "Phạm Thị Dung; chính thức; miễn"];

describe("/setup: a secretary creates their branch", () => {
  it("happy path: a branch (its committee comes by invite), double entry, typed deadline; secretary role only; period open", async () => {
    h = await startHarness({ now: "2026-12-01T02:00:00.000Z" });
    const lan = h.user(501);
    const deadline = await setupUntilDeadline(lan, { name: "  Chi bộ   Văn phòng ", doubleEntry: "Có", year: "2026" });
    expect(deadline.text).toContain("mặc định là 20/12/2026");
    await lan.send("18/12/2026");
    const summary = await lan.waitForMessage(/Đồng chí kiểm tra lại/);
    expect(summary.text).toContain("Chi bộ: Chi bộ Văn phòng");
    expect(summary.text).toContain("Cấp ủy cấp trên: chưa có (chi bộ được gắn vào đảng ủy cơ sở khi đồng chí dùng lời mời");
    expect(summary.text).toContain("hết ngày 18/12/2026");
    await lan.click("Tạo chi bộ");
    expect((await lan.waitForMessage(/Đã tạo/)).text).toContain("/roster");

    const branch = await h.db.organization.findFirstOrThrow({ where: { kind: "branch" }, include: { parent: true, periods: true } });
    expect(branch).toMatchObject({ name: "Chi bộ Văn phòng", doubleEntry: true, parentId: null });
    expect(branch.periods.map((p) => [p.year, p.selfReviewDeadline.toISOString()])).toEqual([[2026, "2026-12-18T16:59:59.000Z"]]);
    const grants = await h.db.roleGrant.findMany({ include: { org: true } });
    // Issue 12: no committee from a typed name, and no role on one.
    expect(grants.map((g) => `${g.org.kind}:${g.role}`).sort()).toEqual(["branch:secretary"]);
    expect(await h.db.organization.count()).toBe(1);
    const actions = (await h.db.auditEvent.findMany()).map((e) => e.action).sort();
    expect(actions).toEqual(["org.created", "period.opened", "role.granted"]);

    // A second /setup does not create a duplicate by accident: it asks for an explicit confirmation first.
    await lan.send("/setup");
    expect((await lan.waitForMessage(/đã là bí thư của Chi bộ Văn phòng/)).replyMarkup.inline_keyboard).toHaveLength(1);
    await lan.click("Lập thêm một tổ chức khác");
    await lan.waitForMessage(/lập tổ chức đảng nào/);
    expect(await h.db.organization.count()).toBe(1);
  });

  it("bad input at every step is re-asked: sticker, command, text instead of a button, malformed, impossible and past dates", async () => {
    h = await startHarness({ now: "2026-12-01T02:00:00.000Z" });
    const lan = h.user(502);
    await lan.send("/setup");
    await lan.waitForMessage(/lập tổ chức đảng nào/);
    await lan.sendPhoto();
    await lan.waitForMessage(/chọn một mục dưới đây/);
    await lan.click("Chi bộ trực thuộc đảng ủy cơ sở");
    await lan.waitForMessage(/Tên chi bộ là gì/);
    await lan.sendSticker();
    expect((await lan.waitForMessage(/câu trả lời bằng tin nhắn văn bản\./)).text).toContain("Tên chi bộ là gì");
    await lan.send("/help");
    expect((await lan.waitForMessage(/Lệnh không được lưu/)).text).toContain("/cancel");
    await lan.send("Chi bộ Kỹ thuật");
    await lan.waitForMessage(/nhập hai lần/);
    await lan.send("có lẽ"); // not a button's words (typing "có" answers as the button)
    await pick(lan, /chọn một mục dưới đây/, "Không");
    await pick(lan, /năm nào/, "2026");
    await lan.waitForMessage(/Hạn chót nộp/);
    await lan.send("2026-12-18");
    await lan.waitForMessage(/chưa đọc được ngày này/);
    await lan.send("31/02/2026");
    await lan.waitForMessage(/không có trên lịch/);
    await lan.send("30/11/2026");
    expect((await lan.waitForMessage(/đã qua/)).text).toContain("Ngày 30/11/2026 đã qua");
    await lan.sendVoice();
    await lan.waitForMessage(/bằng tin nhắn văn bản hoặc chọn một mục/);
    await lan.click("Dùng ngày 20/12/2026");
    const summary = await lan.waitForMessage(/Đồng chí kiểm tra lại/);
    expect(summary.text).toContain("Cấp ủy cấp trên: chưa có");
    expect(summary.text).toContain("Nhập số phiếu hai lần: Không");
    await lan.click("Tạo chi bộ");
    await lan.waitForMessage(/Đã tạo Chi bộ Kỹ thuật/);
    const branch = await h.db.organization.findFirstOrThrow({ include: { periods: true } });
    expect(branch).toMatchObject({ kind: "branch", parentId: null, doubleEntry: false });
    expect(branch.periods[0].selfReviewDeadline.toISOString()).toBe("2026-12-20T16:59:59.000Z");
  });

  it("in the previous year's review the default lies ahead, and the calendar's past date typed is refused", async () => {
    h = await startHarness({ now: "2026-12-01T02:00:00.000Z" });
    const lan = h.user(503);
    const deadline = await setupUntilDeadline(lan, { name: "Chi bộ A", doubleEntry: "Không", year: "2025" });
    expect(deadline.text).toContain("mặc định là 08/12/2026");
    await lan.send("20/12/2025");
    await lan.waitForMessage(/Ngày 20\/12\/2025 đã qua/);
    expect(await h.db.organization.count()).toBe(0);
  });

  it("a restart of the bot in the middle of /setup loses nothing already answered", async () => {
    h = await startHarness();
    const lan = h.user(505);
    await startSetup(lan, "Chi bộ Sau Khởi Động");
    await h.restart();
    await lan.click("Không");
    await pick(lan, /năm nào/, "2026");
    await pick(lan, /Hạn chót nộp/, "Dùng ngày 20/12/2026");
    await pick(lan, /Đồng chí kiểm tra lại/, "Tạo chi bộ");
    await lan.waitForMessage(/Đã tạo Chi bộ Sau Khởi Động/);
  });

  it("/cancel mid-setup leaves cleanly and creates nothing", async () => {
    h = await startHarness();
    const lan = h.user(504);
    await startSetup(lan, "Chi bộ B");
    await lan.send("/cancel");
    await lan.waitForMessage(/Đã hủy/);
    await lan.send("Đảng ủy X");
    await lan.waitForMessage(/chưa có trong danh sách của chi bộ nào/);
    expect(await h.db.organization.count()).toBe(0);
  });
});

describe("after /setup of a branch", () => {
  it("the creator's branch commands (/deadline, /roster) work on the branch", async () => {
    h = await startHarness({ now: "2026-12-01T02:00:00.000Z" });
    const lan = h.user(502);
    await setupUntilDeadline(lan, { name: "Chi bộ Kế toán", doubleEntry: "Không", year: "2026" });
    await lan.click(/^Dùng ngày/);
    await pick(lan, /Đồng chí kiểm tra lại/, "Tạo chi bộ");
    await lan.waitForMessage(/Đã tạo/);
    await lan.send("/deadline");
    expect((await lan.waitForMessage(/đợt kiểm điểm năm 2026/)).text).toContain("Chi bộ Kế toán");
    await importRoster(lan, ROSTER);
    expect(await h.db.member.count({ where: { org: { name: "Chi bộ Kế toán" } } })).toBe(3);
  });
});

describe("/roster and invite links", () => {
  it("a pasted roster with errors is explained line by line, nothing saved; the fixed list is previewed and imported", async () => {
    const world = await startBranchWorld();
    h = world.h;
    const { secretary } = world;
    await secretary.send("/roster");
    await secretary.waitForMessage(/Cách 1/);
    await secretary.send(
      ["Nguyễn Văn An; chính thức; tổ 1", "Lê Văn Cường; dự phòng", "; chính thức", "Phạm Thị Dung; chính thức; bay xa"].join("\n"),
    );
    const errors = await secretary.waitForMessage(/3 dòng cần sửa/);
    expect(errors.text).toContain("Dòng 2: không nhận ra loại đảng viên «dự phòng»");
    expect(errors.text).toContain("Dòng 3: thiếu họ tên.");
    expect(errors.text).toContain("Dòng 4: không nhận ra ghi chú «bay xa»");
    expect(await h.db.member.count()).toBe(1);
    await secretary.send(ROSTER.join("\n"));
    const preview = await secretary.waitForMessage(/Danh sách gồm 3 đồng chí/);
    expect(preview.text).toContain("Đảng viên chính thức: 2");
    expect(preview.text).toContain("Đảng viên dự bị: 1");
    expect(preview.text).toContain("Miễn công tác và sinh hoạt đảng (không đánh giá): 1");
    expect(preview.text).toContain("Tổ đảng: tổ 1 (1), tổ 2 (1)");
    await secretary.click("Nhập 3 đồng chí");
    await secretary.waitForMessage(/Đã nhập 3 đồng chí vào Chi bộ Văn phòng/);
    const codes = await collectInviteCodes(secretary);
    expect(Object.keys(codes)).toEqual(["Nguyễn Văn An", "Lê Văn Cường", "Phạm Thị Dung"]);
    const dung = await h.db.member.findFirstOrThrow({ where: { fullName: "Phạm Thị Dung" } });
    expect(dung).toMatchObject({ kind: "official", exempt: true });
    expect(await h.db.invite.count()).toBe(3);
  });

  it("pasting the list again imports only the new names, unless the secretary says the same names are other comrades", async () => {
    const world = await startBranchWorld();
    h = world.h;
    const { secretary } = world;
    await importRoster(secretary, ROSTER);
    await secretary.send("/roster");
    await secretary.waitForMessage(/Cách 1/);
    await secretary.send([...ROSTER, "Hoàng Văn Em; chính thức", "Trần Thị Bình; chính thức"].join("\n"));
    const preview = await secretary.waitForMessage(/Danh sách gồm 5 đồng chí/);
    expect(preview.text).toContain(
      "4 đồng chí đã có trong danh sách của chi bộ: Nguyễn Văn An, Lê Văn Cường, Phạm Thị Dung, Trần Thị Bình",
    );
    await secretary.click("Nhập 1 đồng chí");
    await secretary.waitForMessage(/Đã nhập 1 đồng chí/);
    expect(Object.keys(await collectInviteCodes(secretary))).toEqual(["Hoàng Văn Em"]);
    expect(await h.db.member.count()).toBe(5);

    await secretary.send("/roster");
    await secretary.waitForMessage(/Cách 1/);
    await secretary.send("Nguyễn Văn An; dự bị");
    const onlyKnown = await secretary.waitForMessage(/Danh sách gồm 1 đồng chí/);
    expect(onlyKnown.replyMarkup.inline_keyboard.flat().map((b: { text: string }) => b.text)).toEqual([
      "Nhập cả 1 đồng chí (kể cả trùng tên)",
      "Gửi lại danh sách",
    ]);
    await secretary.click("Nhập cả 1 đồng chí (kể cả trùng tên)");
    await secretary.waitForMessage(/Đã nhập 1 đồng chí/);
    expect(await h.db.member.count({ where: { fullName: "Nguyễn Văn An" } })).toBe(2);
  });

  it("a CSV upload is downloaded through the Bot API, previewed and imported", async () => {
    const world = await startBranchWorld();
    h = world.h;
    const { secretary } = world;
    await secretary.send("/roster");
    await secretary.waitForMessage(/Cách 2/);
    await secretary.sendDocument("danh-sach.pdf", "%PDF");
    await secretary.waitForMessage(/chỉ đọc được tệp CSV/);
    // V17: Vietnamese column names are read, and a missing one is named in Vietnamese.
    await secretary.sendDocument("danh-sach.csv", "Họ tên;Tổ\nNguyễn Văn An;1\n", "text/csv");
    await secretary.waitForMessage(/tệp CSV thiếu cột «loại»/);
    const csv =
      '\uFEFFname;kind;exempt;working_away_since;group;leader\r\nNguyễn Văn An;chính thức;;;Tổ 1;x\r\n"Lê Văn Cường";dự bị;0;2026-05;Tổ 1;\r\n';
    await secretary.sendDocument("danh-sach.csv", csv, "text/csv");
    const preview = await secretary.waitForMessage(/Danh sách gồm 2 đồng chí/);
    expect(preview.text).toContain("Đi làm xa: 1");
    expect(preview.text).toContain("Cấp ủy viên, cán bộ lãnh đạo, quản lý: 1");
    await secretary.click("Nhập 2 đồng chí");
    await secretary.waitForMessage(/Đã nhập 2 đồng chí/);
    expect(Object.keys(await collectInviteCodes(secretary))).toEqual(["Nguyễn Văn An", "Lê Văn Cường"]);
    const cuong = await h.db.member.findFirstOrThrow({ where: { fullName: "Lê Văn Cường" }, include: { group: true } });
    expect(cuong).toMatchObject({ kind: "probationary", group: { name: "1" } });
    expect(cuong.workingAwaySince?.toISOString().slice(0, 7)).toBe("2026-05");
  });

  it("a member joins with their link; the link then works for nobody; other entries cannot be claimed twice", async () => {
    const world = await startBranchWorld();
    h = world.h;
    const codes = await importRoster(world.secretary, ROSTER);
    const an = h.user(101);
    await an.send(`/start ${codes["Nguyễn Văn An"]}`);
    const welcome = await an.waitForMessage(/Chào mừng đồng chí Nguyễn Văn An đã tham gia Chi bộ Văn phòng/);
    expect(welcome.text).toContain("/review");
    const anRow = await h.db.member.findFirstOrThrow({ where: { fullName: "Nguyễn Văn An" }, include: { user: true } });
    expect(anRow.user?.telegramId).toBe("101");
    expect((await listAudit(h.db, "Member", anRow.id)).map((e) => e.action)).toEqual(["invite.claimed"]);

    // The same link again: by someone else, and by An.
    const intruder = h.user(666);
    await intruder.send(`/start ${codes["Nguyễn Văn An"]}`);
    await intruder.waitForMessage(/đã được dùng/);
    await an.send(`/start ${codes["Nguyễn Văn An"]}`);
    await an.waitForMessage(/đã tham gia Chi bộ Văn phòng bằng lời mời này rồi/);
    // An tries to take Cường's place as well.
    await an.send(`/start ${codes["Lê Văn Cường"]}`);
    await an.waitForMessage(/không nhận thêm tên khác được/);
    expect((await h.db.member.findFirstOrThrow({ where: { fullName: "Lê Văn Cường" } })).userId).toBeNull();
    // A made-up code.
    await intruder.send("/start aaaaaaaaaaaaaaaaaaaaaaaa");
    await intruder.waitForMessage(/không đúng/);
    expect((await h.db.member.findFirstOrThrow({ where: { fullName: "Nguyễn Văn An" } })).userId).toBe(anRow.userId);
  });

  it("an expired link explains what to do; /invites issues fresh links and the old ones stop working", async () => {
    const world = await startBranchWorld();
    h = world.h;
    const codes = await importRoster(world.secretary, ROSTER);
    h.clock.advance(27 * 86_400_000); // past 27/12: a week after the seeded deadline of 20/12
    const cuong = h.user(102);
    await cuong.send(`/start ${codes["Lê Văn Cường"]}`);
    expect((await cuong.waitForMessage(/hết hạn/)).text).toContain("bí thư chi bộ gửi lời mời mới");

    await world.secretary.send("/invites");
    await world.secretary.waitForMessage(/Chọn một đồng chí để cấp lại/);
    await world.secretary.click("Cấp lại tất cả (3)");
    await world.secretary.waitForMessage(/Lời mời cho 3 đồng chí chưa tham gia/);
    const fresh = await collectInviteCodes(world.secretary);
    expect(fresh["Lê Văn Cường"]).not.toBe(codes["Lê Văn Cường"]);
    await cuong.send(`/start ${fresh["Lê Văn Cường"]}`);
    await cuong.waitForMessage(/Chào mừng đồng chí Lê Văn Cường/);
    const dung = h.user(103);
    await dung.send(`/start ${codes["Phạm Thị Dung"]}`);
    await dung.waitForMessage(/hết hạn/);
  });

  it("/invites splits a big branch's links into messages under Telegram's limit", async () => {
    const world = await startBranchWorld();
    h = world.h;
    const lines = Array.from({ length: 120 }, (_, i) => `Đảng viên Số ${i + 1}; chính thức`);
    const codes = await importRoster(world.secretary, lines);
    expect(Object.keys(codes)).toHaveLength(120);
    const sent = world.secretary.messages().filter((m) => m.text?.includes("https://t.me/"));
    expect(sent.length).toBeGreaterThan(1);
    for (const message of sent) expect(message.text!.length).toBeLessThanOrEqual(4096);
  });
});

describe("roles", () => {
  it("a member is refused /roster, /invites and /committee in their language", async () => {
    const world = await startBranchWithMember(ROSTER);
    h = world.h;
    const { an } = world;
    for (const command of ["/roster", "/invites", "/committee"]) {
      await an.send(command);
      await an.waitForMessage(/lệnh này chỉ dành cho: bí thư chi bộ/);
    }
    const before = await h.db.member.count();
    await an.send("Nguyễn Văn Giả; chính thức");
    expect((await an.waitForMessage()).text).toContain("/help");
    expect(await h.db.member.count()).toBe(before);
  });

  it("the secretary grants and withdraws the branch committee role with buttons", async () => {
    const world = await startBranchWithMember(ROSTER);
    h = world.h;
    await world.secretary.send("/committee");
    await world.secretary.waitForMessage(/Chi ủy của Chi bộ Văn phòng/);
    await world.secretary.click("Nguyễn Văn An");
    await world.secretary.waitForMessage((m) => m.edited === true);
    const grant = { where: { role: "committee", user: { telegramId: "101" } } };
    expect(await h.db.roleGrant.count(grant)).toBe(1);
    await world.secretary.click("✅ Nguyễn Văn An — chi ủy viên");
    await world.secretary.waitForIdle();
    expect(await h.db.roleGrant.count(grant)).toBe(0);
    expect((await h.db.auditEvent.findMany({ where: { action: "role.revoked" } })).length).toBe(1);
  });

  it("a big branch's committee buttons come in pages of 20, and a press keeps its page", async () => {
    h = await startHarness({ now: "2026-12-01T02:00:00.000Z" });
    const members = Array.from({ length: 45 }, (_, i) => ({
      fullName: `Đảng viên ${String(i + 1).padStart(2, "0")}`,
      kind: "official" as const,
      telegramId: 3000 + i,
    }));
    await seedBranch(h.db, {
      members: [{ fullName: "Trần Thị Bình", kind: "official", telegramId: 201, roles: ["secretary"] }, ...members],
    });
    const secretary = h.user(201);
    const buttons = (m: { replyMarkup?: { inline_keyboard: Array<Array<{ text: string }>> } }) =>
      m.replyMarkup!.inline_keyboard.flat().map((b) => b.text);
    await secretary.send("/committee");
    const first = await secretary.waitForMessage(/Chi ủy của/);
    expect(buttons(first)).toHaveLength(21);
    expect(buttons(first).at(-1)).toBe("Sau ›");
    await secretary.click("Sau ›");
    await secretary.waitForMessage((m) => m.edited === true && buttons(m).includes("Đảng viên 39"));
    await secretary.click("Sau ›");
    await secretary.waitForMessage((m) => m.edited === true && buttons(m).includes("Đảng viên 45"));
    await secretary.click("Đảng viên 45");
    const after = await secretary.waitForMessage((m) => m.edited === true && buttons(m).includes("✅ Đảng viên 45 — chi ủy viên"));
    expect(buttons(after)).toEqual([
      "Đảng viên 40",
      "Đảng viên 41",
      "Đảng viên 42",
      "Đảng viên 43",
      "Đảng viên 44",
      "✅ Đảng viên 45 — chi ủy viên",
      "‹ Trước",
    ]);
  });

  it("someone in no roster who writes anything is told how to join", async () => {
    h = await startHarness();
    const stranger = h.user(900);
    await stranger.send("xin chào");
    expect((await stranger.waitForMessage(/chưa có trong danh sách của chi bộ nào/)).text).toContain("lời mời dành riêng cho mình");
    await stranger.send("/roster");
    await stranger.waitForMessage(/chỉ dành cho: bí thư chi bộ/);
  });
});

describe("/lang", () => {
  it("switches to English and is remembered after a restart", async () => {
    h = await startHarness();
    const user = h.user(950);
    await user.send("/lang");
    await user.waitForMessage(/chọn ngôn ngữ/);
    await user.click("English");
    await user.waitForMessage((m) => m.edited === true);
    await h.restart();
    await user.send("/help");
    expect((await user.waitForMessage()).text).toContain("You are not on any branch's roster yet");
    await user.send("/roster");
    await user.waitForMessage(/only for: branch secretary/);
  });
});

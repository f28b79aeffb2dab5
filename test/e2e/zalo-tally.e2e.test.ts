// Issue 14: a secretary on Zalo records a member's counts answering the menus by number or letter and typing the
// counts, then asks for /results. Where the question takes a typed number and offers «Giữ nguyên 3», the menu is
// lettered: a bare "1" is the count, "a" keeps the roster's number. A member without a role is refused, as on Telegram.
import { afterEach, describe, expect, it } from "vitest";
import { issueInvites } from "../../store/invites";
import type { ZaloSentMessage, ZaloUser } from "../emulator/zalo/zalo-emulator";
import { type Harness, startHarness } from "../support/bot-harness";
import { seedBranch, seedHcmConfirmed } from "../support/seed";

let h: Harness;
afterEach(() => h.stop());

const NAMES = ["Trần Thị Bình", "Nguyễn Văn An", "Lê Văn Cường"];

async function meetingOnZalo() {
  h = await startHarness({ now: "2026-12-25T02:00:00.000Z", zalo: true });
  const ids = await seedBranch(h.db, {
    name: "Chi bộ Văn phòng",
    members: NAMES.map((fullName) => ({ fullName, kind: "official" as const })),
  });
  const memberIds = NAMES.map((name) => ids.memberIds[name]!);
  await seedHcmConfirmed(h.db, ids.periodId, memberIds, h.clock.now(), { acknowledged: true });
  const [secretaryInvite] = await issueInvites(
    h.db,
    { orgId: ids.orgId, memberIds: [memberIds[0]], role: "secretary" },
    null,
    h.clock.now(),
  );
  const [memberInvite] = await issueInvites(h.db, { orgId: ids.orgId, memberIds: [memberIds[2]] }, null, h.clock.now());
  const join = async (name: string, code: string) => {
    const user = h.zalo.user(name);
    user.send(code);
    await user.waitFor(/Chào mừng đồng chí/);
    return user;
  };
  return { secretary: await join(NAMES[0], secretaryInvite.code), member: await join(NAMES[2], memberInvite.code) };
}

/** The mark ("2", "b") a menu gives the choice whose label begins with `label`. */
function markOf(message: ZaloSentMessage, label: string): string {
  const line = (message.text ?? "").split("\n").find((l) => /^(\d+|[a-z])\. /.test(l) && l.replace(/^\S+ /, "").startsWith(label));
  if (!line) throw new Error(`no «${label}» in the menu of: ${message.text}`);
  return line.split(".")[0];
}

async function choose(user: ZaloUser, waitFor: RegExp, label: string) {
  const message = await user.waitFor(waitFor);
  user.send(markOf(message, label));
  return message;
}

/** /tally, the member's card, «Nhập số phiếu», a secret ballot: up to the official members' question (returned). */
async function startCounts(secretary: ZaloUser, name: string) {
  secretary.send("/tally");
  await choose(secretary, /Ghi kết quả biểu quyết/, name);
  await choose(secretary, /Đồng chí/, "Nhập số phiếu");
  await choose(secretary, /hình thức/, "Bỏ phiếu kín");
  return secretary.waitFor(/theo danh sách: 3/);
}

describe("counts on Zalo (issue 14)", () => {
  it("a Zalo secretary records counts with menus and typed numbers; a bare number beside «Giữ nguyên 3» is the count", async () => {
    const { secretary, member } = await meetingOnZalo();

    member.send("/tally"); // role checks as on Telegram
    expect((await member.waitFor(/./)).text).toContain("chỉ dành cho");

    // The official members' question: a lettered menu, so that "1" is a count and not «Giữ nguyên 3».
    const official = await startCounts(secretary, NAMES[1]);
    expect(official.text).toMatch(/chọn «Giữ nguyên» hoặc gõ số khác/);
    expect(official.text).toMatch(/\n\na\. Giữ nguyên 3\n\nTrả lời a\.$/);
    secretary.send("1");
    await secretary.waitFor(/có mặt\?/);
    secretary.send("2");
    await secretary.waitFor(/Số có mặt \(2\) không được lớn hơn số đảng viên chính thức \(1\)/);
    secretary.send("/cancel");
    await secretary.waitFor(/./);

    // Again, keeping the roster's number by its letter, then every count typed.
    await startCounts(secretary, NAMES[1]);
    secretary.send("a");
    for (const value of ["3", "3", "3", "0", "0", "0"]) {
      await secretary.waitFor(/\?$/);
      secretary.send(value);
    }
    const preview = await secretary.waitFor(/Xem lại/);
    expect(preview.text).toContain("Được 3/3 đảng viên chính thức tán thành");
    secretary.send(markOf(preview, "Xác nhận"));
    expect((await secretary.waitFor(/Đã lưu/)).text).toContain("Đã nhập số phiếu: 1/3 đồng chí.");

    secretary.send("/results");
    const results = await secretary.waitFor(/Kết quả xếp loại —/);
    expect(results.text).toContain(NAMES[1]);
  });

  it("/tally_all on Zalo: a pasted table for the branch, saved by the menu, then /results", async () => {
    const { secretary } = await meetingOnZalo();
    secretary.send("/tally_all");
    await secretary.waitFor(/Nhập số phiếu cả chi bộ một lần/);
    secretary.send(NAMES.map((name, i) => [name, 3, 3, 3, ...(i === 0 ? [3, 0, 0, 0] : [0, 3, 0, 0])].join("\t")).join("\n"));
    const save = await secretary.waitFor(/Xem lại — số phiếu của 3 đồng chí/);
    // The menu's first choice holds a number ("… của 3 đồng chí"), so it is lettered, and the words say so.
    expect(save.text).toContain("Đồng chí chọn «Lưu» để lưu số phiếu của cả 3 đồng chí một lần.");
    expect(save.text).toMatch(/\n\na\. Lưu số phiếu của 3 đồng chí ✓\nb\. .*\nc\. .*\n\nTrả lời a, b hoặc c\.$/);
    secretary.send(markOf(save, "Lưu"));
    expect((await secretary.waitFor(/Đã lưu số phiếu của 3 đồng chí/)).text).toContain("Đã nhập: 3/3");

    secretary.send("/results");
    const results = await secretary.waitFor(/Kết quả xếp loại —/);
    for (const name of NAMES) expect(results.text).toContain(name);
  });
});

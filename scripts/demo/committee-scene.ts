// Issue 12 in the demo: above the branch. A base committee is set up by its own secretary, who invites the branches'
// secretaries and a committee member with single-use links; the demo's branch goes under it and sends its results up.
import type { Scene } from "./scene";
import type { DemoWorld, Person } from "./world";

export const COMMITTEE = "Đảng ủy Sở Tài chính";
const LINK = /https:\/\/t\.me\/\w+\?start=([A-Za-z0-9_-]+)/;

/** The committee's secretary presses one of /orginvites' buttons; returns the new link's start code. */
async function issueLink(w: DemoWorld, button: string): Promise<string> {
  await w.say("Phạm Minh Hùng", "/orginvites", /còn hiệu lực|chưa có/);
  await w.press("Phạm Minh Hùng", button, LINK);
  const links = w
    .user("Phạm Minh Hùng")
    .messages()
    .filter((m) => LINK.test(m.text ?? ""));
  return LINK.exec(links.at(-1)?.text ?? "")![1]!;
}

/** Someone opens a committee's link: Telegram sends /start <code>. */
export function openLink(w: DemoWorld, who: Person, code: string, expect: RegExp): Promise<void> {
  return w.say(who, `/start ${code}`, expect, "/start (mở đường liên kết mời của đảng ủy)");
}

export const committeeSetupScene: Scene = {
  title: `8. Cấp trên chi bộ: đồng chí Hùng lập ${COMMITTEE} (/setup), mời bí thư hai chi bộ và một ủy viên đảng ủy (/orginvites)`,
  async play(w) {
    w.h.clock.set("2026-12-27T01:30:00.000Z");
    w.transcript.narrate("08:30 27/12/2026.");
    await w.say("Phạm Minh Hùng", "/setup", /lập tổ chức đảng nào/);
    await w.press("Phạm Minh Hùng", "Đảng ủy cơ sở", /Tên đảng ủy là gì/);
    await w.say("Phạm Minh Hùng", COMMITTEE, /kiểm tra lại/);
    await w.press("Phạm Minh Hùng", "Tạo đảng ủy cơ sở", /Đã tạo/);
    for (let i = 0; i < 2; i++) w.orgLinks.branches.push(await issueLink(w, "Mời bí thư tổ chức trực thuộc"));
    w.orgLinks.member = await issueLink(w, "Mời ủy viên đảng ủy");
    w.transcript.note("Đồng chí Hùng gửi hai đường liên kết cho bí thư hai chi bộ, đường thứ ba cho đồng chí Lan (ủy viên đảng ủy).");
    await openLink(w, "Vũ Thị Lan", w.orgLinks.member, /Chào mừng/);
  },
};

export const attachBranchScene: Scene = {
  title: `9. Bí thư Bình mở đường liên kết, đưa Chi bộ Văn phòng Sở vào ${COMMITTEE} và gửi kết quả xếp loại lên (/results)`,
  async play(w) {
    await openLink(w, "Trần Thị Bình", w.orgLinks.branches[0]!, /hoặc lập tổ chức mới/);
    await w.press("Trần Thị Bình", "Chi bộ Văn phòng Sở", /Đã gắn/);
    await w.say("Trần Thị Bình", "/results", /Kết quả xếp loại —/);
    await w.press("Trần Thị Bình", "Gửi cấp trên công nhận", /Đã gửi/);
  },
};

// Issue 4 in the demo: after the branch meeting the secretary enters each member's secret-ballot counts, the bot
// rates by the rules (the 15% cap of M8 included) and says why, then the papers for the file come out.
import type { Scene } from "./scene";
import type { DemoWorld, Person } from "./world";

/** Ballots for L1, L2, L3, L4 of each member; the branch has 4 official members, all present. */
const BALLOTS: Array<[Person, [number, number, number, number]]> = [
  ["Trần Thị Bình", [3, 1, 0, 0]],
  ["Nguyễn Văn An", [0, 4, 0, 0]],
  ["Lê Văn Cường", [0, 1, 3, 0]],
  ["Phạm Thị Dung", [0, 3, 1, 0]],
  ["Hoàng Văn Em", [0, 2, 2, 0]],
];
/** M11: the shortcomings the branch names for a member rated L3. */
const L3_NOTES: Partial<Record<Person, string>> = {
  "Lê Văn Cường": "Còn chậm tiến độ báo cáo quý III.",
  "Hoàng Văn Em": "Nộp bản tự kiểm điểm sau hạn chót.",
};
const OFFICIAL_PRESENT = 4;

async function countBallots(w: DemoWorld, person: Person, votes: [number, number, number, number], first: boolean) {
  const member = await w.h.db.member.findFirstOrThrow({ where: { fullName: person }, select: { id: true } });
  await w.say("Trần Thị Bình", "/tally", /Ghi kết quả biểu quyết/);
  await w.press("Trần Thị Bình", `tl:card:${member.id}`, /Đồng chí/, person);
  await w.press("Trần Thị Bình", `tl:enter:${member.id}`, /hình thức/, "Nhập số phiếu");
  await w.press("Trần Thị Bình", "tc:secret", /chính thức của chi bộ/, "Bỏ phiếu kín");
  await w.press("Trần Thị Bình", "tc:keep", /\?$/, `Giữ nguyên ${OFFICIAL_PRESENT}`);
  for (const value of [OFFICIAL_PRESENT, OFFICIAL_PRESENT, ...votes.slice(0, 3)]) await w.say("Trần Thị Bình", String(value), /\?$/);
  const note = L3_NOTES[person];
  if (first) {
    // M12: the meeting acknowledges the Ho Chi Minh actions the members wrote, once for all of them.
    await w.say("Trần Thị Bình", String(votes[3]), /đã thừa nhận/);
    await w.press("Trần Thị Bình", "tc:ackall", /Xem lại/, "Có — cả 5 đồng chí");
  } else if (note) {
    await w.say("Trần Thị Bình", String(votes[3]), /khuyết điểm/);
    await w.say("Trần Thị Bình", note, /Xem lại/);
  } else await w.say("Trần Thị Bình", String(votes[3]), /Xem lại/);
  await w.press("Trần Thị Bình", "tc:confirm", /Đã lưu/, "Xác nhận");
}

export const tallyScene: Scene = {
  title: "6. Sau cuộc họp: bí thư nhập số phiếu kín (/tally); bot xếp loại theo quy định và áp dụng tỷ lệ 15%",
  async play(w) {
    w.h.clock.set("2026-12-26T13:00:00.000Z");
    for (const [i, [person, votes]] of BALLOTS.entries()) await countBallots(w, person, votes, i === 0);
    await w.say("Trần Thị Bình", "/results", /Kết quả xếp loại —/);
  },
};

export const exportScene: Scene = {
  title: "7. Danh sách xếp loại và biên bản kiểm phiếu để lưu hồ sơ (/export), tình hình chi bộ (/status)",
  async play(w) {
    await w.say("Trần Thị Bình", "/export", (m) => m.document?.fileName.startsWith("bien-ban") === true);
    await w.say("Trần Thị Bình", "/status");
  },
};

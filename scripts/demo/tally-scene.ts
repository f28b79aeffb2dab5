// Issues 4 and 13 in the demo: after the branch meeting the secretary pastes the counting sheet (biên bản kiểm
// phiếu) in one message, one member per line; the bot rates by the rules (the 15% cap of M8 included) and says why
// in one preview; one press saves them all; then the papers for the file come out.
import type { Scene } from "./scene";
import type { DemoWorld, Person } from "./world";

/** Ballots for L1, L2, L3, L4 of one member. */
export type Ballots = [number, number, number, number];

/** Ballots of each member; the branch has 4 official members, all present. */
const BALLOTS: Array<[Person, Ballots]> = [
  ["Trần Thị Bình", [3, 1, 0, 0]],
  ["Nguyễn Văn An", [0, 4, 0, 0]],
  ["Lê Văn Cường", [0, 1, 3, 0]],
  ["Phạm Thị Dung", [0, 3, 1, 0]],
  ["Hoàng Văn Em", [0, 2, 2, 0]],
];
/** M11: the shortcomings the branch names for a member rated L3 (the last column of their line). */
const L3_NOTES: Partial<Record<string, string>> = {
  "Lê Văn Cường": "Còn chậm tiến độ báo cáo quý III.",
  "Hoàng Văn Em": "Nộp bản tự kiểm điểm sau hạn chót.",
};
const OFFICIAL_PRESENT = 4;

export type Counting = {
  /** Official members present (and voting), as on the roster. */
  present: number;
  /** M12: on the first count, the meeting acknowledges every member's Ho Chi Minh actions at once (the button's label). */
  acknowledgeAll?: string;
  /** M12: the member wrote no self-review: the secretary records that they presented their actions at the meeting. */
  presentedAtMeeting?: boolean;
  /** M12: the meeting acknowledges this member's Ho Chi Minh actions (asked when they are the only ones waiting). */
  acknowledgeOne?: boolean;
};

/** A secretary's /tally for one member, the way a single correction is made: the card, the counts, the confirmation. */
export async function countBallots(w: DemoWorld, secretary: Person, name: string, votes: Ballots, counting: Counting) {
  const member = await w.h.db.member.findFirstOrThrow({ where: { fullName: name }, select: { id: true } });
  await w.say(secretary, "/tally", /Ghi kết quả biểu quyết/);
  await w.press(secretary, `tl:card:${member.id}`, /Đồng chí/, name);
  if (counting.presentedAtMeeting) {
    await w.press(secretary, `tl:hcm:${member.id}`, /Đã ghi nhận/, "Đã trình bày việc làm theo tấm gương đạo đức Hồ Chí Minh");
  }
  await w.press(secretary, `tl:enter:${member.id}`, /hình thức/, "Nhập số phiếu");
  await w.press(secretary, "tc:secret", /chính thức của chi bộ/, "Bỏ phiếu kín");
  await w.press(secretary, "tc:keep", /\?$/, `Giữ nguyên ${counting.present}`);
  for (const value of [counting.present, counting.present, ...votes.slice(0, 3)]) await w.say(secretary, String(value), /\?$/);
  const note = L3_NOTES[name];
  if (counting.acknowledgeAll) {
    await w.say(secretary, String(votes[3]), /đã thừa nhận/);
    await w.press(secretary, "tc:ackall", /Xem lại/, counting.acknowledgeAll);
  } else if (counting.acknowledgeOne) {
    await w.say(secretary, String(votes[3]), /đã thừa nhận/);
    await w.press(secretary, "tc:ackone", /Xem lại/, "Có, đã thừa nhận");
  } else if (note) {
    await w.say(secretary, String(votes[3]), /khuyết điểm/);
    await w.say(secretary, note, /Xem lại/);
  } else await w.say(secretary, String(votes[3]), /Xem lại/);
  await w.press(secretary, "tc:confirm", /Đã lưu/, "Xác nhận");
}

/** The table as copied from the counting sheet: name; official; present; valid; L1; L2; L3; L4; [shortcomings]. */
const SHEET = BALLOTS.map(([person, votes]) =>
  [person, OFFICIAL_PRESENT, OFFICIAL_PRESENT, OFFICIAL_PRESENT, ...votes, ...(L3_NOTES[person] ? [L3_NOTES[person]] : [])].join("; "),
).join("\n");

export const tallyScene: Scene = {
  title: "6. Sau cuộc họp: bí thư dán biên bản kiểm phiếu trong một tin nhắn (/tally_all); bot xếp loại theo quy định và áp dụng tỷ lệ 15%",
  async play(w) {
    w.h.clock.set("2026-12-26T13:00:00.000Z");
    await w.say("Trần Thị Bình", "/tally", /Ghi kết quả biểu quyết/);
    await w.press("Trần Thị Bình", /^tla:/, /Nhập số phiếu cả chi bộ một lần/, "Nhập cả chi bộ một lần");
    await w.say("Trần Thị Bình", SHEET, /đã thừa nhận/);
    // M12: the meeting acknowledges the Ho Chi Minh actions the members wrote, once for all of them.
    await w.press("Trần Thị Bình", "ta:ackall", /chọn «Lưu»/, "Có — cả 5 đồng chí");
    await w.press("Trần Thị Bình", "ta:save", /Đã lưu số phiếu của 5 đồng chí/, "Lưu số phiếu của 5 đồng chí");
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

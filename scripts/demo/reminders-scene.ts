// Issue 5 in the demo: the scheduler reminds the member who has not written yet (with the self-review button),
// tells the secretary who is missing after the deadline, then alerts the late submission once it arrives.
import type { Scene } from "./scene";
import type { DemoWorld } from "./world";

async function sweepAt(w: DemoWorld, iso: string, narration: string): Promise<void> {
  w.h.clock.set(iso);
  w.transcript.narrate(narration);
  await w.h.sweep();
}

/** Between the on-time reviews and the late one: a reminder at 08:00, then the missing-members alert. */
export const remindersScene: Scene = {
  title: "4b. Bot nhắc đồng chí chưa nộp (8:00, 3 ngày trước hạn) và báo chi ủy ai chưa nộp khi quá hạn",
  async play(w) {
    await sweepAt(w, "2026-12-17T01:00:00.000Z", "08:00 17/12/2026: bộ lập lịch của bot chạy (nhắc nhở chỉ gửi 08:00–20:00).");
    await sweepAt(w, "2026-12-21T01:00:00.000Z", "08:00 21/12/2026, sau hạn chót: bộ lập lịch chạy lại.");
  },
};

/** After the late submission: the branch committee hears about it, once. */
export const lateAlertScene: Scene = {
  title: "5b. Chi ủy được báo ngay khi có bản nộp muộn",
  async play(w) {
    await sweepAt(w, "2026-12-21T02:05:00.000Z", "09:05 21/12/2026: bộ lập lịch chạy lại.");
    await sweepAt(w, "2026-12-21T02:10:00.000Z", "09:10 21/12/2026: chạy thêm lần nữa: không báo trùng.");
  },
};

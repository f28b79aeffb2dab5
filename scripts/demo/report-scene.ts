// Issue 12 point 5 in the demo: the base committee's report for the level above (guideline D), as a spreadsheet and
// in the party's document layout, and its /status with who has reported.
import { COMMITTEE } from "./committee-scene";
import type { Scene } from "./scene";

export const reportScene: Scene = {
  title: `16. ${COMMITTEE} lập báo cáo tổng hợp kết quả xếp loại (/report: Excel và Word) và xem chi bộ nào đã báo cáo (/status)`,
  async play(w) {
    await w.say("Phạm Minh Hùng", "/report", (m) => m.document?.fileName.endsWith(".docx") === true);
    await w.say("Phạm Minh Hùng", "/status", /Đã báo cáo: 2\/2 đơn vị/);
  },
};

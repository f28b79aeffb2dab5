// Playing /score in the chat: the seven tasks' points, the Ho Chi Minh actions, the yes/no facts and the attendance.
import type { EmulatedUser } from "../emulator/emulated-user";

export type ScoreAnswers = {
  points: number[];
  actions?: string | null;
  unitsStrong?: boolean;
  leaderDisciplined?: boolean;
  meetsRegularly?: boolean;
  attendance?: string;
  prolongedDisunity?: boolean;
  corruptionDiscipline?: boolean;
};

export const FULL_MARKS = [30, 15, 15, 10, 10, 5, 15];

/**
 * Answers the tasks from `from` (1-based) on, then the rest; yes/no by button or, with `typed`, by typing «có»/«không».
 * With `asked`, the first task's question was already seen (the test waited for it).
 */
export async function answerScore(user: EmulatedUser, a: ScoreAnswers, opts: { from?: number; typed?: boolean; asked?: boolean } = {}) {
  const from = opts.from ?? 1;
  for (const [i, points] of a.points.entries()) {
    if (i + 1 < from) continue;
    if (!(opts.asked && i + 1 === from)) await user.waitForMessage(new RegExp(`Nhiệm vụ ${i + 1}/7`));
    await user.send(String(points));
  }
  await user.waitForMessage(/Những việc làm cụ thể/);
  if (a.actions === null) await user.click("Không có việc làm cụ thể");
  else await user.send(a.actions ?? "Tổ chức học chuyên đề hằng tháng; mỗi đảng viên đăng ký một việc làm theo.");
  const yesNo = async (question: RegExp, yes: boolean) => {
    await user.waitForMessage(question);
    if (opts.typed) await user.send(yes ? "có" : "không");
    else await user.click(yes ? "Có" : "Không");
  };
  await yesNo(/Cơ quan chuyên môn/, a.unitsStrong ?? true);
  await yesNo(/bị kỷ luật từ khiển trách/, a.leaderDisciplined ?? false);
  await yesNo(/sinh hoạt đều, đúng quy định/, a.meetsRegularly ?? true);
  await user.waitForMessage(/Tỷ lệ đảng viên dự sinh hoạt/);
  await user.send(a.attendance ?? "18/20, 19/20, 20/20");
  await yesNo(/mất đoàn kết kéo dài/, a.prolongedDisunity ?? false);
  await yesNo(/tham nhũng, tiêu cực/, a.corruptionDiscipline ?? false);
}

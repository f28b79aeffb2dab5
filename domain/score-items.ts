// N3 (RULES-2025): the 100 points of a self-score, split by the committee above into items. The split is data: a list
// attached to a period (typed by the committee or imported), checked here against the rulebook's 30 + 70.
import type { ReviewForm } from "./levels";
import type { ScoreRules } from "./rulebook";

export const SCORE_GROUPS = ["general", "tasks"] as const;
export type ScoreGroup = (typeof SCORE_GROUPS)[number];

/** One item: `graded` takes any whole number from 0 to `points`; otherwise it is all or nothing (0 or `points`). */
export type ScoreItem = { id: string; group: ScoreGroup; name: string; points: number; graded: boolean };
/** A member's points per item id. */
export type ItemScores = Readonly<Record<string, number>>;

export const SCORE_ITEM_ERROR_CODES = [
  "items.empty-group",
  "items.duplicate-id",
  "items.bad-points",
  "items.bad-name",
  "items.group-total",
] as const;
export type ScoreItemErrorCode = (typeof SCORE_ITEM_ERROR_CODES)[number];
export type ScoreItemError = { code: ScoreItemErrorCode; group?: ScoreGroup; itemId?: string; total?: number; expected?: number };

export function groupMax(group: ScoreGroup, rules: ScoreRules): number {
  return group === "general" ? rules.generalMax : rules.taskMax;
}

/** N3: every group has items, ids are unique, points are positive whole numbers, each group sums to its maximum. */
export function validateScoreItems(items: readonly ScoreItem[], rules: ScoreRules): ScoreItemError[] {
  const errors: ScoreItemError[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.id)) errors.push({ code: "items.duplicate-id", itemId: item.id });
    seen.add(item.id);
    if (!Number.isSafeInteger(item.points) || item.points <= 0) errors.push({ code: "items.bad-points", itemId: item.id });
    if (item.name.trim() === "") errors.push({ code: "items.bad-name", itemId: item.id });
  }
  for (const group of SCORE_GROUPS) {
    const inGroup = items.filter((i) => i.group === group);
    if (inGroup.length === 0) {
      errors.push({ code: "items.empty-group", group });
      continue;
    }
    const total = inGroup.reduce((sum, i) => sum + i.points, 0);
    const expected = groupMax(group, rules);
    if (total !== expected) errors.push({ code: "items.group-total", group, total, expected });
  }
  return errors;
}

export type ItemScoreCheck = "ok" | "not-whole" | "out-of-range" | "all-or-nothing";

/** Whether `points` is an allowed score of the item. */
export function checkItemScore(item: ScoreItem, points: number): ItemScoreCheck {
  if (!Number.isSafeInteger(points)) return "not-whole";
  if (points < 0 || points > item.points) return "out-of-range";
  if (!item.graded && points !== 0 && points !== item.points) return "all-or-nothing";
  return "ok";
}

export type ScoreTotals = { general: number; tasks: number; total: number; missing: string[] };

/** The sums of the scored items, and the ids not yet scored (in the list's order). Invalid scores count as missing. */
export function scoreTotals(items: readonly ScoreItem[], scores: ItemScores): ScoreTotals {
  const totals: ScoreTotals = { general: 0, tasks: 0, total: 0, missing: [] };
  for (const item of items) {
    const points = Object.hasOwn(scores, item.id) ? scores[item.id] : undefined;
    if (points === undefined || checkItemScore(item, points) !== "ok") {
      totals.missing.push(item.id);
      continue;
    }
    totals[item.group] += points;
    totals.total += points;
  }
  return totals;
}

const allOrNothing = (id: string, name: string, points: number): ScoreItem => ({ id, group: "general", name, points, graded: false });
const graded = (id: string, name: string, points: number): ScoreItem => ({ id, group: "tasks", name, points, graded: true });

/** N3 example of one province: the 30 general points as 9 items × 2, 4 × 1 and 4 × 2, each all or nothing. */
const GENERAL_2A_2B: readonly ScoreItem[] = [
  allOrNothing("g1", "Trung thành với chủ nghĩa Mác - Lênin, tư tưởng Hồ Chí Minh, đường lối của Đảng", 2),
  allOrNothing("g2", "Chấp hành chủ trương, chính sách, pháp luật; nói và làm theo Nghị quyết", 2),
  allOrNothing("g3", "Giữ gìn phẩm chất đạo đức, lối sống; không suy thoái, “tự diễn biến”, “tự chuyển hóa”", 2),
  allOrNothing("g4", "Chấp hành nguyên tắc tập trung dân chủ, quy chế làm việc", 2),
  allOrNothing("g5", "Chấp hành kỷ luật, kỷ cương; những điều đảng viên không được làm", 2),
  allOrNothing("g6", "Kê khai tài sản, thu nhập trung thực, đúng quy định", 2),
  allOrNothing("g7", "Báo cáo trung thực với tổ chức", 2),
  allOrNothing("g8", "Giữ mối liên hệ với cấp ủy và nhân dân nơi cư trú", 2),
  allOrNothing("g9", "Giữ gìn đoàn kết nội bộ", 2),
  allOrNothing("g10", "Năng lực chuyên môn, nghiệp vụ", 1),
  allOrNothing("g11", "Tinh thần, thái độ phục vụ nhân dân", 1),
  allOrNothing("g12", "Tinh thần đổi mới, sáng tạo, dám nghĩ, dám làm", 1),
  allOrNothing("g13", "Trách nhiệm trong phối hợp công tác", 1),
  allOrNothing("g14", "Tự phê bình và phê bình", 2),
  allOrNothing("g15", "Khắc phục hạn chế, khuyết điểm đã được chỉ ra", 2),
  allOrNothing("g16", "Thực hiện cam kết tu dưỡng, rèn luyện", 2),
  allOrNothing("g17", "Sinh hoạt chi bộ, đóng đảng phí đầy đủ", 2),
];
const TASKS_2A_2B: readonly ScoreItem[] = [
  graded("t1", "Hoàn thành chỉ tiêu, nhiệm vụ theo sản phẩm (số lượng)", 30),
  graded("t2", "Chất lượng sản phẩm, kết quả công việc", 25),
  graded("t3", "Tiến độ thực hiện nhiệm vụ", 15),
];
const GENERAL_2C: readonly ScoreItem[] = [
  allOrNothing("g1", "Lập trường chính trị, chấp hành đường lối, pháp luật", 6),
  allOrNothing("g2", "Phẩm chất đạo đức, lối sống nơi cư trú", 6),
  allOrNothing("g3", "Ý thức tổ chức kỷ luật", 6),
  allOrNothing("g4", "Mối quan hệ với nhân dân nơi cư trú", 6),
  allOrNothing("g5", "Tự phê bình và khắc phục hạn chế, khuyết điểm", 6),
];
const TASKS_2C: readonly ScoreItem[] = [
  graded("t1", "Thực hiện nhiệm vụ đảng viên và nhiệm vụ chi bộ giao", 40),
  graded("t2", "Học tập nghị quyết, tham gia đóng góp ý kiến tại sinh hoạt chi bộ", 15),
  graded("t3", "Nhiệm vụ đột xuất, hoạt động tại địa phương phù hợp sức khỏe, tuổi tác", 15),
];

/** The example shipped with the 366 rulebook (N3), used until a committee above types or imports its own. */
export const EXAMPLE_SCORE_ITEMS: Readonly<Record<ReviewForm, readonly ScoreItem[]>> = {
  "2A": [...GENERAL_2A_2B, ...TASKS_2A_2B],
  "2B": [...GENERAL_2A_2B, ...TASKS_2A_2B],
  "2C": [...GENERAL_2C, ...TASKS_2C],
};

/** N2: the form a member writes on: the roster's, else 2A for a leader and 2B for anyone else (the secretary corrects 2C). */
export function formOf(member: { form: string | null; isLeader: boolean }): ReviewForm {
  if (member.form === "2A" || member.form === "2B" || member.form === "2C") return member.form;
  return member.isLeader ? "2A" : "2B";
}

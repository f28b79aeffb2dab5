// N4, N5 (RULES-2025): the year's tasks as the member reports them, and the shares the levels are judged on.
export type TaskResults = {
  /** Tasks assigned in the year (or the quarter). */
  assigned: number;
  onTime: number;
  late: number;
  notDone: number;
  /** Of those done, how many exceeded their target (vượt mức). */
  exceeded: number;
};

export const TASK_ERROR_CODES = ["tasks.not-whole", "tasks.sum", "tasks.exceeded-above-done"] as const;
export type TaskErrorCode = (typeof TASK_ERROR_CODES)[number];

/** Whole non-negative counts; on time + late + not done = assigned; exceeded at most the tasks done. */
export function taskResultErrors(t: TaskResults): TaskErrorCode[] {
  const counts = [t.assigned, t.onTime, t.late, t.notDone, t.exceeded];
  if (!counts.every((n) => Number.isSafeInteger(n) && n >= 0)) return ["tasks.not-whole"];
  const errors: TaskErrorCode[] = [];
  if (t.onTime + t.late + t.notDone !== t.assigned) errors.push("tasks.sum");
  if (t.exceeded > t.onTime + t.late) errors.push("tasks.exceeded-above-done");
  return errors;
}

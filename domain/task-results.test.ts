import { describe, expect, it } from "vitest";
import { taskResultErrors, type TaskResults } from "./task-results";

const t = (assigned: number, onTime: number, late: number, notDone: number, exceeded: number): TaskResults => ({
  assigned,
  onTime,
  late,
  notDone,
  exceeded,
});

describe("N4, N5: the year's tasks as the member reports them", () => {
  it("N4: on time + late + not done make the tasks assigned", () => {
    expect(taskResultErrors(t(10, 7, 2, 1, 3))).toEqual([]);
    expect(taskResultErrors(t(0, 0, 0, 0, 0))).toEqual([]);
    expect(taskResultErrors(t(10, 7, 2, 0, 3))).toEqual(["tasks.sum"]);
    expect(taskResultErrors(t(10, 8, 2, 1, 0))).toEqual(["tasks.sum"]);
  });

  it("N4: exceeded counts only tasks done (on time or late)", () => {
    expect(taskResultErrors(t(10, 7, 2, 1, 9))).toEqual([]);
    expect(taskResultErrors(t(10, 7, 2, 1, 10))).toEqual(["tasks.exceeded-above-done"]);
    expect(taskResultErrors(t(10, 0, 0, 10, 1))).toEqual(["tasks.exceeded-above-done"]);
  });

  it("N4: both errors at once", () => {
    expect(taskResultErrors(t(3, 1, 0, 0, 2))).toEqual(["tasks.sum", "tasks.exceeded-above-done"]);
  });

  it.each([
    ["a negative count", t(10, -1, 11, 0, 0)],
    ["a fraction", t(10, 9.5, 0.5, 0, 0)],
    ["not a number", t(10, Number.NaN, 0, 0, 0)],
    ["beyond safe integers", t(2 ** 53, 2 ** 53, 0, 0, 0)],
  ])("N4: %s is not a whole count", (_name, results) => {
    expect(taskResultErrors(results)).toEqual(["tasks.not-whole"]);
  });
});

import { describe, expect, it } from "vitest";
import { joinPartText, missingFrom, missingParts, reviewEditPermission, type ReviewDraft } from "./self-review-parts";

const deadline = "2011-12-20T23:59:59+07:00";
const draft = (over: Partial<ReviewDraft> = {}): ReviewDraft => ({
  contents: { a: "A", b: "B", c: null, d: null },
  hcmActions: null,
  selfRating: null,
  submittedAt: null,
  ...over,
});

describe("M4, M5: the parts of a self-review", () => {
  it("M4: nothing written yet means every part is missing, in the writing order", () => {
    expect(missingParts(null)).toEqual(["a", "b", "c", "d", "hcm", "rating"]);
  });

  it("M4, M5: a draft resumes at the first missing part; the Ho Chi Minh actions are asked of everyone", () => {
    expect(missingParts(draft())).toEqual(["c", "d", "hcm", "rating"]);
    expect(missingParts(draft({ contents: { a: "A", b: "B", c: "C", d: "D" }, selfRating: "L2" }))).toEqual(["hcm"]);
  });

  it("M4, M5: the parts still missing from the list of those written, in the writing order", () => {
    expect(missingFrom([])).toEqual(["a", "b", "c", "d", "hcm", "rating"]);
    expect(missingFrom(["rating", "b", "a"])).toEqual(["c", "d", "hcm"]);
    expect(missingFrom(["a", "b", "c", "d", "hcm", "rating"])).toEqual([]);
  });
});

describe("T2: editing against the deadline", () => {
  it.each([
    ["a draft before the deadline", null, "2011-12-19T10:00:00+07:00", "allowed"],
    ["a draft after the deadline (it may still be submitted late)", null, "2011-12-22T10:00:00+07:00", "allowed"],
    ["a submitted review before the deadline", "2011-12-18T10:00:00+07:00", "2011-12-19T10:00:00+07:00", "allowed"],
    ["a submitted review at the deadline instant", "2011-12-18T10:00:00+07:00", deadline, "allowed"],
    ["a submitted review one second after the deadline", "2011-12-18T10:00:00+07:00", "2011-12-21T00:00:00+07:00", "locked"],
  ] as const)("T2: %s is %s", (_name, submittedAt, now, expected) => {
    expect(reviewEditPermission(submittedAt, deadline, now)).toBe(expected);
  });
  it("N10: a closed period locks a draft and a submitted review alike, before the deadline too", () => {
    const closedAt = "2011-12-19T09:00:00+07:00";
    expect(reviewEditPermission(null, deadline, "2011-12-19T10:00:00+07:00", closedAt)).toBe("locked");
    expect(reviewEditPermission("2011-12-18T10:00:00+07:00", deadline, "2011-12-19T10:00:00+07:00", closedAt)).toBe("locked");
  });
});

describe("M4: a content written in several messages", () => {
  it("M4: each message goes on a new line, up to the limit exactly and not one character beyond", () => {
    expect(joinPartText(null, "Một.", 10)).toBe("Một.");
    expect(joinPartText("Một.", "Hai.", 10)).toBe("Một.\nHai.");
    expect(joinPartText("Một.", "Hai.+", 10)).toBe("Một.\nHai.+");
    expect(joinPartText("Một.", "Hai.++", 10)).toBeNull();
    expect(joinPartText("", "abc", 3)).toBe("abc");
  });
});

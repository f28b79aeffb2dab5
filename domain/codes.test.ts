import { describe, expect, it } from "vitest";
import { ERROR_CODES, REASON_CODES } from "./codes";

describe("codes for translation", () => {
  it("every error code is unique, shaped like an i18next key, and never the parent of another", () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
    for (const code of [...ERROR_CODES, ...REASON_CODES]) expect(code).toMatch(/^[a-z0-9-]+\.[a-z0-9-]+$/);
    for (const a of ERROR_CODES) for (const b of ERROR_CODES) expect(b.startsWith(`${a}.`)).toBe(false);
    expect(ERROR_CODES).toEqual(
      expect.arrayContaining([
        "tally.present-exceeds-official",
        "roster.unknown-kind",
        "cap.resolution-wrong-count",
        "time.invalid-instant",
      ]),
    );
  });
});

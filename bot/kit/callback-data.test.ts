import { describe, expect, it } from "vitest";
import { callbackData } from "./callback-data";

describe("callbackData", () => {
  const toggle = callbackData("cm");

  it("round-trips its argument", () => {
    expect(toggle.parse(toggle.data("cmabc123"))).toBe("cmabc123");
    expect(toggle.pattern.test("cm:x")).toBe(true);
  });

  it("does not take another prefix's data", () => {
    expect(toggle.parse("cmx:1")).toBeNull();
    expect(toggle.parse(undefined)).toBeNull();
  });

  it("refuses data over Telegram's 64 bytes", () => {
    expect(() => toggle.data("đ".repeat(40))).toThrow(/64 bytes/);
  });
});

import { describe, expect, it } from "vitest";
import { buttonFamily, buttonVariants, id, int, oneOf, optional, registeredPrefixes } from "./button-family";

const ID = "cm5x0a1b2c3d4e5f6g7h8i9j0";

describe("buttonFamily", () => {
  const toggle = buttonFamily("ttoggle", { memberId: id, page: int });

  it("round-trips its values", () => {
    const data = toggle.pack({ memberId: ID, page: 3 });
    expect(data).toBe(`ttoggle:${ID}:3`);
    expect(toggle.unpack(data)).toEqual({ memberId: ID, page: 3 });
    expect(toggle.filter.test(data)).toBe(true);
  });

  it("throws at load on a prefix declared twice", () => {
    expect(() => buttonFamily("ttoggle", {})).toThrow(/declared twice/);
    expect(() => buttonVariants("ttoggle", {})).toThrow(/declared twice/);
    expect(registeredPrefixes().filter((p) => p === "ttoggle")).toHaveLength(1);
  });

  it("refuses a prefix that could run into its fields", () => {
    expect(() => buttonFamily("a:b", {})).toThrow(/lowercase/);
    expect(() => buttonFamily("", {})).toThrow(/lowercase/);
  });

  it("refuses to pack data over Telegram's 64 bytes, or a value it would not read back", () => {
    const long = buttonFamily("tlong", { a: id, b: id, c: id });
    expect(() => long.pack({ a: ID, b: ID, c: ID })).toThrow(/64 bytes/);
    expect(() => toggle.pack({ memberId: "not-an-id", page: 1 })).toThrow(/would refuse/);
    expect(() => toggle.pack({ memberId: ID, page: -1 })).toThrow(/would refuse/);
    expect(buttonFamily("tfits", { a: id, b: id }).pack({ a: ID, b: ID })).toHaveLength(57);
  });

  it("takes an optional last field, and only a last one", () => {
    const each = buttonFamily("teach", { periodId: id, page: optional(int) });
    expect(each.pack({ periodId: ID })).toBe(`teach:${ID}`);
    expect(each.unpack(`teach:${ID}`)).toEqual({ periodId: ID });
    expect(each.unpack(`teach:${ID}:2`)).toEqual({ periodId: ID, page: 2 });
    expect(() => buttonFamily("tbad", { page: optional(int), periodId: id })).toThrow(/optional fields go last/);
  });
});

describe("buttonVariants", () => {
  const rc = buttonVariants("tvar", { all: { periodId: id }, page: { page: int }, pick: { choice: oneOf(["a", "b"]) } });

  it("round-trips each variant", () => {
    for (const values of [
      { kind: "all", periodId: ID },
      { kind: "page", page: 0 },
      { kind: "pick", choice: "b" },
    ] as const) {
      expect(rc.unpack(rc.pack(values))).toEqual(values);
    }
  });

  it("refuses an unknown variant, even one named like an object's own property", () => {
    for (const kind of ["bogus", "__proto__", "constructor", "toString", "hasOwnProperty", ""]) {
      expect(rc.unpack(`tvar:${kind}:${ID}`)).toBeNull();
      expect(rc.filter.test(`tvar:${kind}:${ID}`)).toBe(false);
    }
  });

  it("refuses another variant's fields", () => {
    expect(rc.unpack(`tvar:page:${ID}`)).toBeNull();
    expect(rc.unpack("tvar:all:0")).toBeNull();
    expect(rc.unpack("tvar:pick:c")).toBeNull();
  });
});

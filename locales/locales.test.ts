import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import en from "./en.json" with { type: "json" };
import vi from "./vi.json" with { type: "json" };

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === "string") out.set(prefix + key, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();

describe("locales", () => {
  const viKeys = flatten(vi as Tree);
  const enKeys = flatten(en as Tree);

  it("have the same keys in Vietnamese and English", () => {
    expect([...viKeys.keys()].sort()).toEqual([...enKeys.keys()].sort());
  });

  it("use the same placeholders in both languages, and no empty text", () => {
    for (const [key, text] of viKeys) {
      expect(text.trim(), key).not.toBe("");
      expect(placeholders(text), key).toEqual(placeholders(enKeys.get(key) ?? ""));
    }
  });

  it("write Vietnamese with diacritics", () => {
    const all = [...viKeys.values()].join(" ");
    expect(all).toMatch(/[ăâđêôơưáàảãạ]/);
  });

  it("ask nobody to press anything: a choice is chosen, on Telegram's buttons as on Zalo's numbered menus (issue 14)", () => {
    const pressing = [...viKeys].filter(([, text]) => /\b(bấm|nhấn|nút)\b/iu.test(text)).map(([key]) => key);
    const pressingEn = [...enKeys].filter(([, text]) => /\b(press|pressing|tap|click|buttons?)\b/i.test(text)).map(([key]) => key);
    expect([...pressing, ...pressingEn]).toEqual([]);
  });

  it("hold every key the code asks for by name", () => {
    const root = path.join(import.meta.dirname, "..");
    const sources = ["bot", "conversations", "scripts"].flatMap((dir) =>
      (readdirSync(path.join(root, dir), { recursive: true }) as string[])
        .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
        .map((f) => readFileSync(path.join(root, dir, f), "utf8")),
    );
    // Literal keys only (t("a.b"), t(`a.b`) without interpolation); keys built at run time are checked by the e2e tests.
    const asked = new Set(sources.flatMap((text) => [...text.matchAll(/\bt\(\s*["'`]([a-z][\w.-]*\.[\w.-]+)["'`]/g)].map((m) => m[1]!)));
    expect(asked.size).toBeGreaterThan(100);
    expect([...asked].filter((key) => !viKeys.has(key))).toEqual([]);
  });
});

// Issue 11: every Vietnamese message, rendered as a member would read it, is free of the slips the language review
// found: "Chi bộ Chi bộ" (names are stored as typed), raw codes, English words, and the bot calling itself "Tôi".
import { describe, expect, it } from "vitest";
import { describeReason } from "../bot/kit/describe-result";
import { translatorFor } from "../bot/kit/i18n";
import type { Reason } from "../domain";
import { REVIEW_ZONE } from "../test/support/time-zone";
import vi from "./vi.json" with { type: "json" };

type Tree = { [key: string]: string | Tree };
const t = translatorFor("vi");

function keysOf(tree: Tree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === "string" ? [prefix + key] : keysOf(value, `${prefix}${key}.`)));
}

/** Sample values as the bot passes them: an organization named the way setup's own example names it. */
const SAMPLES: Record<string, string | number> = {
  org: "Chi bộ Văn phòng",
  branch: "Chi bộ Văn phòng",
  name: "Nguyễn Văn An",
  upper: "Đảng ủy Sở Tài chính",
  username: "kiemdiem_bot",
  account: "@nguyenvanan",
  command: "/status",
  date: "20/12/2026",
};
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]!);
const sample = (names: string[]) => Object.fromEntries(names.map((n) => [n, SAMPLES[n] ?? 3]));

/** The reasons of the domain as the bot words them, with coded parameters (levels, grounds, conditions). */
const REASONS: Reason[] = [
  { code: "member.discipline", params: { level: "warning", source: "state", date: "2026-03-01" } },
  {
    code: "member.discipline",
    params: { level: "reprimand", source: "party", date: "2025-08-01", number: "15-QĐ/ĐU", endsOn: "2026-08-01" },
  },
  { code: "hcm.unacknowledged", params: { wouldBe: "L1" } },
  { code: "vote.reached", params: { level: "L1", votes: 9, denominator: 10 } },
  { code: "vote.l4-ground", params: { ground: "refused-assignment" } },
  { code: "hcm.missing", params: { wouldBe: "L2" } },
  { code: "cap.demoted", params: { cap: 2, base: 14, votes: 7 } },
  { code: "cap.secretary-chose", params: { level: "L2" } },
  { code: "org.band", params: { total: 92, level: "tsvm" } },
  { code: "org.tsvm-condition-failed", params: { condition: "units-strong" } },
  { code: "org.defect", params: { defect: "weak-branches" } },
  { code: "reward.not-level", params: { year: 2025, required: "exemplary" } },
  { code: "reward.not-level", params: { year: 2025, required: "L1" } },
  { code: "reward.members-below", params: { year: 2025, percent: 90 } },
];

const rendered: [string, string][] = [
  ...keysOf(vi as Tree).map((key): [string, string] => [key, t(key, sample(placeholders(t(key))))]),
  ...REASONS.map((r): [string, string] => [`reason ${r.code}`, describeReason(t, r, "vi", REVIEW_ZONE)]),
];

/** What a reader sees as words: commands (/cancel), addresses and @names are not English prose. */
const prose = (text: string) => text.replace(/https?:\/\/\S+/g, " ").replace(/[/@][\w]+/g, " ");

const ENGLISH = [" the ", "button", "error", "deadline", "member", "branch", "cancel", "review", "bot", "undefined", "null"];

describe("Vietnamese messages as members read them", () => {
  it("render every key and reason (sanity)", () => {
    expect(rendered.length).toBeGreaterThan(400);
  });

  it.each([
    ["never say «Chi bộ Chi bộ»", (text: string) => /chi bộ chi bộ/i.test(text)],
    ["leave no placeholder or key behind", (text: string) => /\{\{|\}\}|\b(review|tally|rating|reason|docs|error)\.[a-z]/.test(text)],
    [
      "show no raw code (levels, org levels, conditions)",
      (text: string) => /\b(L[1-4]|tsvm|exemplary|units-strong|weak-branches)\b/.test(text),
    ],
    ["have the bot never call itself «Tôi» or «chúng ta»", (text: string) => /(^|[^\p{L}])(tôi|chúng ta)(?!\p{L})/iu.test(text)],
    ["carry no English words", (text: string) => ENGLISH.some((word) => prose(text).toLowerCase().includes(word))],
  ])("%s", (_rule, wrong) => {
    expect(rendered.filter(([, text]) => wrong(text))).toEqual([]);
  });
});

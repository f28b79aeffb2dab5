// Every button family of the bot: prefixes unique, round trips, and forged or unknown data refused (a Zalo reply
// is mapped to the same data, so anything a person can type must be refused unless a button would carry it).
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { questionButtons, registeredPrefixes, type ButtonFamily } from "../button-family";
import * as all from ".";

const ID = "cm5x0a1b2c3d4e5f6g7h8i9j0";
const ID2 = "clzzzzzzzzzzzzzzzzzzzzzzz";
type AnyFamily = ButtonFamily<never> & ButtonFamily<unknown>;
const isFamily = (value: unknown): value is AnyFamily =>
  typeof value === "object" && value !== null && "filter" in value && "unpack" in value;
const families = Object.entries(all).filter((entry): entry is [string, AnyFamily] => isFamily(entry[1]));

/** Per family: values a button carries, and data that must be refused besides the generic mutations below. */
const table: Record<string, { valid: unknown[]; forged: string[] }> = {
  setupAnother: { valid: [{}], forged: ["setupnew:", "setupnew:x"] },
  setupStep: {
    valid: [
      { choice: "y2026" },
      { choice: "create" },
      { choice: "base-committee" },
      { choice: "e0" },
      { choice: "e19" },
      { choice: "new" },
      { choice: "rulebook" },
      { choice: "r-qd366-2025" },
    ],
    forged: [
      "setup:y26",
      "setup:y20260",
      "setup:maybe",
      "setup:yes:no",
      "setup:e100",
      "setup:e",
      "setup:skip",
      "setup:committee",
      "setup:r-",
      "setup:r-X",
    ],
  },
  openPointsShow: { valid: [{ periodId: ID }], forged: ["opview:1", `opview:${ID}:x`] },
  openPointSet: {
    valid: [
      { periodId: ID, key: "capRounding", value: "nearest" },
      { periodId: ID, key: "outstandingUnit", value: "yes" },
    ],
    forged: [`opset:${ID}:3:yes`, `opset:${ID}:0:maybe`, `opset:${ID}:capRounding:floor`, "opset:1:0:yes"],
  },
  periodClose: {
    valid: [{ kind: "open" }, { kind: "ask", periodId: ID }, { kind: "confirm", periodId: ID2 }],
    forged: ["pclose:open:x", "pclose:ask", "pclose:confirm:1", `pclose:close:${ID}`, `pclose:ask:${ID}:x`],
  },
  periodStep: {
    valid: [
      { choice: "y2027" },
      { choice: "q0" },
      { choice: "q4" },
      { choice: "r-hd07-2011" },
      { choice: "create" },
      { choice: "default" },
    ],
    forged: ["period:q5", "period:q", "period:yes", "period:r-", "period:y27"],
  },
  orgInviteButton: {
    valid: [
      { kind: "issue", orgId: ID, what: "subordinate" },
      { kind: "issue", orgId: ID, what: "committee" },
      { kind: "issue", orgId: ID, what: "first-secretary" },
      { kind: "revoke", inviteId: ID2 },
    ],
    forged: [`oinv:issue:${ID}:secretary`, `oinv:issue:${ID}`, `oinv:revoke:${ID}:committee`, "oinv:revoke:1", `oinv:claim:${ID}`],
  },
  rosterStep: { valid: [{ choice: "import" }, { choice: "all" }, { choice: "again" }], forged: ["roster:delete", "roster:IMPORT"] },
  committeeToggle: {
    valid: [{ memberId: ID }],
    forged: ["committee:1", `committee:${ID}x`, `committee:${ID.slice(1)}`, `committee:d${ID.slice(1)}`],
  },
  committeePage: {
    valid: [{ page: 0 }, { page: 12 }],
    forged: ["cmtpage:-1", "cmtpage:01", "cmtpage:1.5", "cmtpage:1e3", "cmtpage:NaN", "cmtpage:9999999999"],
  },
  inviteButton: {
    valid: [
      { kind: "one", memberId: ID },
      { kind: "all", orgId: ID },
      { kind: "page", orgId: ID, page: 2 },
    ],
    forged: [`invite:all:${ID}:1`, "invite:one:1", `invite:page:${ID}`, `invite:one:${ID}x`, "invite:all"],
  },
  deadlineChange: {
    valid: [{ field: "selfReviewDeadline" }, { field: "meetingDate" }, { field: "reportDeadline" }],
    forged: ["deadline:closedAt", "deadline:"],
  },
  languageChoice: { valid: [{ lang: "vi" }, { lang: "en" }], forged: ["lang:fr", "lang:vien"] },
  notifyChoice: { valid: [{ channel: "telegram" }, { channel: "zalo" }], forged: ["notify:viber", "notify:zalo:telegram", "notify:"] },
  rewardsButton: {
    valid: [
      { kind: "export", committeeId: ID },
      { kind: "file", committeeId: ID, key: "bloc.member-excellent-3y", recipientId: ID2 },
      { kind: "tick", committeeId: ID, key: "base.exemplary-branch", recipientId: ID2, document: "emulation-council-minutes" },
    ],
    forged: [`rw:file:${ID}:7:${ID2}`, `rw:tick:${ID}:0:${ID2}:8`, `rw:export:${ID}:0`, "rw:export:1", `rw:tick:${ID}:0:${ID2}`],
  },
  historyImportStep: { valid: [{ choice: "save" }, { choice: "again" }], forged: ["rwimp:delete", "rwimp:"] },
  scoreItemsButton: {
    valid: [
      { kind: "type", orgId: ID, year: 2026, quarter: 0 },
      { kind: "file", orgId: ID2, year: 2027, quarter: 4 },
      { kind: "template", orgId: ID, year: 2026, quarter: 2 },
    ],
    forged: [
      `si:type:${ID}:2026:5`,
      `si:type:${ID}:26:0`,
      `si:file:${ID}:2026`,
      `si:template:${ID}`,
      `si:save:${ID}:2026:0`,
      "si:type:1:2026:0",
    ],
  },
  scoreItemsStep: { valid: [{ choice: "save" }, { choice: "again" }], forged: ["sisave:delete", "sisave:"] },
  sendResults: { valid: [{ periodId: ID }], forged: ["rsend:", "rsend:1"] },
  committeeCapButton: {
    valid: [
      { kind: "apply", committeeId: ID, year: 2026 },
      { kind: "keep", memberId: ID2 },
      { kind: "page", committeeId: ID, year: 2026, page: 1 },
    ],
    forged: [
      `ccap:apply:${ID}`,
      `ccap:apply:${ID}:-1`,
      `ccap:keep:${ID}:${ID2}`,
      `ccap:page:${ID}:2026`,
      "ccap:keep:1",
      `ccap:cut:${ID}:2026`,
    ],
  },
  reportAction: {
    valid: [
      { action: "send", orgId: ID },
      { action: "sign", orgId: ID },
    ],
    forged: [`rpt:delete:${ID}`, "rpt:send", `rpt:send:${ID}x`, `rpt:send:${ID}:${ID2}`],
  },
  recognize: {
    valid: [
      { kind: "all", periodId: ID },
      { kind: "each", periodId: ID },
      { kind: "each", periodId: ID, page: 2 },
      { kind: "member", periodId: ID, memberId: ID2 },
      { kind: "revoke", periodId: ID, memberId: ID2 },
      { kind: "other", periodId: ID, memberId: ID2 },
      { kind: "to", periodId: ID, memberId: ID2, level: "L3" },
      { kind: "page", page: 1 },
    ],
    forged: [
      `rc:to:${ID}:${ID2}:L5`,
      `rc:to:${ID}:${ID2}`,
      `rc:other:${ID}`,
      `rc:bogus:${ID}`,
      `rc:${ID}`,
      `rc:all:${ID}:${ID2}`,
      `rc:member:${ID}`,
      `rc:revoke:${ID}:`,
      "rc:page:x",
      `rc:each:${ID}:x`,
      `rc:__proto__:${ID}`,
    ],
  },
  scorePick: { valid: [{ orgId: ID }], forged: ["osp:1", `osp:${ID}:${ID2}`, `osp:x${ID.slice(1)}`] },
  orgRatings: {
    valid: [
      { kind: "show", scoreId: ID },
      { kind: "ok", scoreId: ID },
      { kind: "no", scoreId: ID2 },
      { kind: "star", scoreId: ID },
      { kind: "other", scoreId: ID },
      { kind: "to", scoreId: ID, level: "good" },
      { kind: "page", page: 3 },
    ],
    forged: [
      `og:delete:${ID}`,
      `og:ok:${ID}:${ID2}`,
      "og:ok:1",
      `og:page:${ID}`,
      "og:show",
      `og:__proto__:${ID}`,
      `og:to:${ID}:L1`,
      `og:to:${ID}`,
      `og:other:${ID}:good`,
    ],
  },
  reviewStart: { valid: [{ action: "start" }], forged: ["review:stop", "review:"] },
  reviewStep: {
    valid: [
      { step: { kind: "done", part: "a" } },
      { step: { kind: "rate", level: "L2" } },
      { step: { kind: "edit", part: "hcm" } },
      { step: { kind: "confirm" } },
    ],
    forged: ["rv:rate.L5", "rv:done.z", "rv:done", "rv:confirm.a", "rv:rate:L2", "rv:edit.hcm.a"],
  },
  statusList: {
    valid: [
      { state: "submitted", page: 0 },
      { state: "unreachable", page: 3 },
    ],
    forged: ["st:8:0", "st:-1:0", "st:late:0", "st:1"],
  },
  upperPage: { valid: [{ page: 0 }, { page: 4 }], forged: ["stu:", "stu:a"] },
  tallyStep: {
    valid: [{ choice: "secret" }, { choice: "caused-disunity" }, { choice: "confirm" }, { choice: "ackall" }, { choice: "ackno" }],
    forged: ["tc:L1", "tc:secretx", "tc:ack", "tc:ackall:1"],
  },
  tallyBoard: {
    valid: [
      { kind: "page", page: 0 },
      { kind: "card", memberId: ID },
      { kind: "enter", memberId: ID },
      { kind: "absent", memberId: ID },
      { kind: "hcm", memberId: ID },
      { kind: "ack", memberId: ID },
      { kind: "ackall", periodId: ID2 },
    ],
    forged: [
      `tl:delete:${ID}`,
      "tl:ack",
      `tl:ack:${ID}:${ID2}`,
      "tl:ackall",
      "tl:ackall:1",
      "tl:enter:0",
      `tl:page:${ID}`,
      "tl:page",
      `tl:enter:${ID}:1`,
    ],
  },
  tallyAllStart: { valid: [{ orgId: ID }], forged: ["tla:1", "tla:"] },
  tallyAllStep: {
    valid: [{ choice: "save" }, { choice: "hands" }, { choice: "stop" }, { choice: "ackall" }],
    forged: ["ta:confirm", "ta:", "ta:ackone"],
  },
  tallyPick: { valid: [{ choice: "0" }, { choice: "9" }], forged: ["tap:10", "tap:a", "tap:-1"] },
  tallyTemplate: { valid: [{ orgId: ID }], forged: ["tlx:1", "tlx:"] },
  tieKeep: { valid: [{ memberId: ID }], forged: ["cap:1"] },
  disciplineBoard: {
    valid: [
      { kind: "page", page: 0 },
      { kind: "member", memberId: ID },
      { kind: "add", memberId: ID },
      { kind: "remove", disciplineId: ID2 },
      { kind: "confirm", disciplineId: ID2 },
    ],
    forged: [`dc:delete:${ID}`, "dc:remove:1", `dc:member:${ID}:${ID2}`, "dc:page", `dc:add:${ID}x`],
  },
  disciplineStep: {
    valid: [{ choice: "party" }, { choice: "salary-downgrade" }, { choice: "noend" }, { choice: "save" }],
    forged: ["dcs:L1", "dcs:phe-binh", "dcs:party:state"],
  },
  appraiseBoard: {
    valid: [
      { kind: "page", page: 1 },
      { kind: "member", memberId: ID },
    ],
    forged: [`apr:propose:${ID}`, "apr:member:1", `apr:page:${ID}`, "apr:page:01", `apr:member:${ID}:L1`],
  },
  appraiserPick: {
    valid: [{ kind: "pick", page: 0 }, { kind: "held" }, { kind: "assign", memberId: ID }, { kind: "withdraw", memberId: ID }],
    forged: ["apa:held:0", `apa:pick:${ID}`, "apa:assign:1", `apa:withdraw:${ID}:${ID2}`, "apa:pick:"],
  },
  appraiseStep: {
    valid: [{ choice: "accept" }, { choice: "degradation-concluded" }, { choice: "L1" }, { choice: "propose" }],
    forged: ["aps:L5", "aps:reprimand", "aps:accept:L1", "aps:"],
  },
  tiePage: { valid: [{ page: 2 }], forged: [`cappg:${ID}`] },
  reentry: { valid: [{ memberId: ID2 }], forged: ["reent:"] },
};

/** Changes of a valid data that no family may accept. */
function mutations(data: string): string[] {
  const segments = data.split(":");
  return [
    `${data}:zz`,
    `${data}:`,
    ` ${data}`,
    `${data} `,
    `${data}\n`,
    data.toUpperCase() === data ? `${data}Z` : data.toUpperCase(),
    `x${data}`,
    ...segments
      .slice(1)
      .flatMap((_, i) => ["zz", "", "__proto__", "-1", "ZZ"].map((bad) => segments.map((s, j) => (j === i + 1 ? bad : s)).join(":"))),
  ];
}

describe("button families", () => {
  it("every file of the folder is loaded, and every prefix is declared once", async () => {
    for (const file of readdirSync(__dirname).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts")))
      await import(`./${file.slice(0, -3)}.ts`);
    const prefixes = families.map(([, f]) => f.prefix);
    expect(new Set(prefixes).size).toBe(prefixes.length);
    expect([...registeredPrefixes()].sort()).toEqual([...prefixes].sort());
  });

  it("every family has a row in the table", () => {
    expect(families.map(([name]) => name).sort()).toEqual(Object.keys(table).sort());
  });

  describe.each(families)("%s", (name, family) => {
    const row = table[name] ?? { valid: [], forged: [] };

    it("round-trips what its buttons carry, within 64 bytes", () => {
      for (const values of row.valid) {
        const data = family.pack(values as never);
        expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
        expect(family.unpack(data)).toEqual(values);
        expect(family.filter.test(data)).toBe(true);
      }
    });

    it("refuses forged, malformed and unknown data", () => {
      const valid = new Set(row.valid.map((v) => family.pack(v as never)));
      const forged = [...row.forged, ...[...valid].flatMap(mutations), family.prefix, `${family.prefix}:`, "", "nothing:1"].filter(
        (d) => !valid.has(d),
      );
      for (const data of forged) {
        expect(family.unpack(data), data).toBeNull();
        expect(family.filter.test(data), data).toBe(false);
      }
      expect(family.unpack(undefined)).toBeNull();
    });

    it("takes no other family's data", () => {
      for (const [other, otherFamily] of families) {
        if (other === name) continue;
        for (const values of table[other]?.valid ?? []) expect(family.unpack(otherFamily.pack(values as never))).toBeNull();
      }
    });
  });
});

describe("a dialog's own question buttons, declared in the dialog's file", () => {
  it("are a strict family like the others, and a prefix already taken anywhere in the bot is refused at load", async () => {
    await import("../../features/index"); // every feature and dialog, with whatever families they declare
    const renew = questionButtons("zzrenew", ["yes", "no"]);
    expect(renew.unpack(renew.pack({ choice: "yes" }))).toEqual({ choice: "yes" });
    expect(renew.unpack("zzrenew:maybe")).toBeNull();
    expect(() => questionButtons("rv", ["yes", "no"])).toThrow();
    expect(() => questionButtons("zzrenew", ["again"])).toThrow();
  });
});

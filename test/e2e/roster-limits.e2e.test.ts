import { afterEach, describe, expect, it } from "vitest";
import { MAX_ROSTER_FILE_BYTES, MAX_ROSTER_MEMBERS } from "../../domain/roster";
import type { Harness } from "../support/bot-harness";
import { openRosterDialog } from "./onboarding-steps";

let h: Harness;
afterEach(() => h.stop());

const HEADER = "name;kind\r\n";
const rows = (count: number) => Array.from({ length: count }, (_, i) => `Nguyễn Văn Số ${i + 1};chính thức\r\n`).join("");

async function openRoster() {
  const world = await openRosterDialog();
  h = world.h;
  return world;
}

describe("a roster file from anyone cannot freeze the bot nor fill the database", () => {
  it("a file above 256 KB is refused from its size in the message, without downloading it", async () => {
    const { secretary, ids } = await openRoster();
    const big = HEADER + rows(12_000);
    expect(Buffer.byteLength(big)).toBeGreaterThan(MAX_ROSTER_FILE_BYTES);
    await secretary.sendDocument("danh-sach.csv", big, "text/csv");
    expect((await secretary.waitForMessage(/Tệp quá lớn/)).text).toContain("tối đa 256 KB");
    expect(h.emulator.calls.filter((c) => c.method === "getFile")).toEqual([]);
    expect(await h.db.member.count({ where: { orgId: ids.orgId } })).toBe(1);
  });

  it("a file listing more than 5,000 members is refused and nothing is stored", async () => {
    const { secretary, ids } = await openRoster();
    const many = HEADER + rows(MAX_ROSTER_MEMBERS + 1);
    expect(Buffer.byteLength(many)).toBeLessThanOrEqual(MAX_ROSTER_FILE_BYTES);
    await secretary.sendDocument("danh-sach.csv", many, "text/csv");
    expect((await secretary.waitForMessage(/hơn 5000 đồng chí/, 15_000)).text).toContain("Chưa có gì được lưu");
    expect(await h.db.member.count({ where: { orgId: ids.orgId } })).toBe(1);
  });
});

// The disk fills up while people use the bot: each is told that nothing was saved and to try again later.
import { afterEach, expect, it } from "vitest";
import { connectionOf, onEveryConnection } from "../../store/client";
import { startHarness, type Harness } from "../support/bot-harness";
import { setupUntilDeadline } from "./onboarding-steps";

let h: Harness;
afterEach(() => h.stop());

/** From now on creating an organization needs far more pages than the database may have: a real SQLITE_FULL. */
async function fillTheDiskOnNextBranch(harness: Harness) {
  const sqlite = connectionOf(harness.db);
  sqlite.exec(`CREATE TABLE "Filler" ("b" BLOB);
    CREATE TRIGGER "fill_the_disk" BEFORE INSERT ON "Organization" BEGIN INSERT INTO "Filler" VALUES (zeroblob(50000000)); END;`);
  await onEveryConnection(harness.db, `PRAGMA max_page_count = ${Number(sqlite.pragma("page_count", { simple: true })) + 100}`);
}

it("a branch that cannot be saved for a full disk: the secretary is told, nothing is stored", async () => {
  h = await startHarness({ now: "2026-12-01T02:00:00.000Z" });
  const lan = h.user(601);
  await setupUntilDeadline(lan, { name: "Chi bộ Đầy Đĩa", doubleEntry: "Không", year: "2026" });
  await lan.click(/^Dùng ngày/);
  await lan.waitForMessage(/Đồng chí kiểm tra lại/);
  await fillTheDiskOnNextBranch(h);
  await lan.click("Tạo chi bộ");
  expect((await lan.waitForMessage(/chưa được lưu/)).text).toBe(
    "Máy chủ tạm thời không lưu được dữ liệu (hết chỗ lưu trữ hoặc đang bảo trì), nên thao tác vừa rồi chưa được lưu. Đồng chí vui lòng thử lại sau ít phút.",
  );
  expect(await h.db.organization.count()).toBe(0);
});

it("a database gone read-only: the sender is told once, in their language, and the message is handled when storage is back", async () => {
  h = await startHarness({ now: "2026-12-01T02:00:00.000Z" });
  await onEveryConnection(h.db, "PRAGMA query_only = ON"); // as a read-only file or disk would behave; root ignores chmod
  const visitor = h.user(602, { languageCode: "en" });
  await visitor.send("/help");
  expect((await visitor.waitForMessage()).text).toBe(
    "The server cannot save anything right now (out of storage space, or under maintenance). Your message is not lost: the bot will handle it as soon as it can save again, so there is no need to send it again.",
  );
  await visitor.send("/start");
  await onEveryConnection(h.db, "PRAGMA query_only = OFF");
  const answers = await visitor.waitForIdle(1500, 15_000);
  expect(answers.filter((m) => /cannot save/.test(m.text ?? ""))).toHaveLength(0); // told once, not at every retry
  expect(answers.filter((m) => /not on any branch.s roster/.test(m.text ?? ""))).toHaveLength(2);
});

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { freshDb } from "../test/support/db";
import type { Db } from "./client";
import { loadIdentity, markUnreachable, setLanguage } from "./users";
import { conversationStorage } from "./conversation-storage";
import { createOrganization, grantRole } from "./orgs";

let db: Db;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ db, cleanup } = await freshDb()));
afterEach(() => cleanup());

describe("store against a real SQLite file", () => {
  it("creates a user on first contact, Vietnamese unless the client is English, and returns JSON-safe data", async () => {
    const vi = await loadIdentity(db, { id: 5_000_000_001, displayName: "Lan" });
    const en = await loadIdentity(db, { id: 42, languageCode: "en-GB" });
    expect(vi).toMatchObject({ telegramId: "5000000001", language: "vi", memberships: [], roles: [], unreachable: false });
    expect(en.language).toBe("en");
    expect(JSON.parse(JSON.stringify(vi))).toEqual(vi);
    await setLanguage(db, vi.userId, "en");
    await markUnreachable(db, vi.userId, new Date());
    expect(await loadIdentity(db, { id: 5_000_000_001 })).toMatchObject({ language: "en", unreachable: true, userId: vi.userId });
  });

  it("lists a user's roles newest first, so every command takes the same, most recent branch", async () => {
    const { userId } = await loadIdentity(db, { id: 77 });
    const now = new Date();
    const first = await createOrganization(db, { name: "Chi bộ Một", kind: "branch" }, null, now);
    const second = await createOrganization(db, { name: "Chi bộ Hai", kind: "branch" }, null, now);
    await grantRole(db, userId, first.id, "secretary", null, now);
    await grantRole(db, userId, second.id, "secretary", null, now);
    await grantRole(db, userId, first.id, "committee", null, now);
    const { roles } = await loadIdentity(db, { id: 77 });
    expect(roles.map((r) => `${r.orgName}:${r.role}`)).toEqual(["Chi bộ Một:committee", "Chi bộ Hai:secretary", "Chi bộ Một:secretary"]);
  });

  it("keeps conversation state across reads and deletes it", async () => {
    const storage = conversationStorage<{ step: number }>(db);
    await storage.write("chat-1", { version: [0, 1], state: { step: 2 } });
    expect(await storage.read("chat-1")).toEqual({ version: [0, 1], state: { step: 2 } });
    await storage.write("chat-1", { version: [0, 1], state: { step: 3 } });
    expect((await storage.read("chat-1"))?.state.step).toBe(3);
    await storage.delete("chat-1");
    expect(await storage.read("chat-1")).toBeUndefined();
  });

  it("runs in WAL mode", async () => {
    const rows = await db.$queryRawUnsafe<Array<{ journal_mode: string }>>("PRAGMA journal_mode");
    expect(rows[0].journal_mode).toBe("wal");
  });
});

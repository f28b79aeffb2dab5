import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { freshDb } from "../test/support/db";
import type { Db } from "./client";
import { issueInvites } from "./invites";
import { addMembers, createOrganization } from "./orgs";

const NOW = new Date("2026-12-01T02:00:00.000Z");

describe("invites for large rosters", () => {
  let db: Db;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ db, cleanup } = await freshDb()));
  afterEach(() => cleanup());

  for (const size of [1_000, 5_000]) {
    it(`issues one link per member of a roster of ${size}`, async () => {
      const org = await createOrganization(db, { name: "Chi bộ lớn", kind: "branch" }, null, NOW);
      const members = Array.from({ length: size }, (_, i) => ({ fullName: `Đảng viên ${i + 1}`, kind: "official" as const }));
      const ids = await addMembers(db, org.id, members, null, NOW);
      const issued = await issueInvites(db, { orgId: org.id, memberIds: ids }, null, NOW);
      expect(issued).toHaveLength(size);
      const again = await issueInvites(db, { orgId: org.id }, null, NOW);
      expect(again).toHaveLength(size);
    }, 120_000);
  }
});

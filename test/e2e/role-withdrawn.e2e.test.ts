// Issue 9 point 8: a role withdrawn while its dialog is open stops the dialog's write; the person is told why.
import { afterEach, describe, expect, it } from "vitest";
import { activeTallies } from "../../store/tallies";
import { toggleCommittee } from "../../store/branches";
import { periodInfo } from "../../store/period-progress";
import type { Harness } from "../support/bot-harness";
import { COMMITTEE, enterCounts, SECRETARY, startMeetingWorld } from "./tally-steps";

let h: Harness | undefined;
afterEach(async () => h?.stop());

const WITHDRAWN = /không còn giữ vai trò/;

describe("a role withdrawn while its dialog is open", () => {
  it("tally: a committee member removed from the committee before confirming stores no counts", async () => {
    const world = await startMeetingWorld(4);
    h = world.h;
    const committee = h.user(COMMITTEE);
    const target = world.memberIds[2]!;
    await enterCounts(committee, target, { present: 4, valid: 4, votes: [0, 4, 0, 0] });
    const secretaryId = (await h.db.user.findUniqueOrThrow({ where: { telegramId: String(SECRETARY) } })).id;
    expect(await toggleCommittee(h.db, world.ids.orgId, world.memberIds[1]!, secretaryId, h.clock.now())).toBe(false);

    await committee.click("tc:confirm");
    await committee.waitForMessage(WITHDRAWN);
    expect(await activeTallies(h.db, world.ids.periodId, target)).toEqual([]);
  }, 60_000);

  it("deadline: a secretary whose role is withdrawn before typing the date changes nothing", async () => {
    const world = await startMeetingWorld(3);
    h = world.h;
    const secretary = h.user(SECRETARY);
    await secretary.send("/deadline");
    await secretary.waitForMessage(/Ngày họp chi bộ: chưa đặt/);
    await secretary.click("Đổi ngày họp");
    await secretary.waitForMessage(/ngày họp chi bộ/);
    await h.db.roleGrant.deleteMany({ where: { orgId: world.ids.orgId, role: "secretary" } });

    await secretary.send("28/12/2026 14:00");
    await secretary.waitForMessage(WITHDRAWN);
    expect((await periodInfo(h.db, world.ids.periodId))!.meetingDate).toBeNull();
  }, 60_000);
});

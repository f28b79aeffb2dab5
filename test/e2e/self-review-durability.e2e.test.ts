// What the member wrote survives a kill at any moment: the stored review is the only copy of the texts, the
// dialog's replay log keeps none of them, and an update handled again after a kill is not added twice.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { stepButtonData } from "../../conversations/self-review-buttons";
import type { Db } from "../../store/client";
import { SAVED, startReview, startReviewWorld, writeMore } from "./self-review-steps";

let world: Awaited<ReturnType<typeof startReviewWorld>>;
beforeEach(async () => (world = await startReviewWorld()));
afterEach(() => world.h.stop());

const dialogStates = async (db: Db) => (await db.conversationState.findMany()).map((row) => row.value);

describe("the self-review under kills", () => {
  it("the dialog's stored state holds none of the member's text and does not grow with the messages of a part", async () => {
    const an = world.h.user(101);
    await startReview(an);
    await an.send("Bí mật số 0 của đồng chí An.");
    await an.waitForMessage(SAVED);
    const [first] = await dialogStates(world.h.db);
    for (let i = 1; i <= 30; i++) await writeMore(an, `Bí mật số ${i} của đồng chí An.`);
    const states = await dialogStates(world.h.db);
    expect(states).toHaveLength(1);
    expect(states[0]).not.toContain("Bí mật");
    expect(states[0].length).toBe(first.length);
    expect((await world.review())!.contents.a!.split("\n")).toHaveLength(31);
  });

  it("an answer handled again after a kill (its reply sent, the dialog's state not yet written) is kept once", async () => {
    const an = world.h.user(101);
    await startReview(an);
    const [before] = await dialogStates(world.h.db);
    const message = {
      message_id: world.h.emulator.nextMessageId(101),
      date: Math.floor(Date.now() / 1000),
      text: "Câu một.",
      from: { id: 101, is_bot: false, first_name: "An" },
      chat: { id: 101, type: "private", first_name: "An" },
    };
    const updateId = world.h.emulator.pushUpdate({ message });
    await an.waitForMessage(SAVED);
    await world.h.restart(async (db) => {
      await db.conversationState.updateMany({ data: { value: before } });
      await db.inboundUpdate.update({
        where: { updateId },
        data: { handledAt: null, payload: JSON.stringify({ update_id: updateId, message }) },
      });
    });
    await an.waitForMessage(SAVED);
    expect((await world.review())!.contents.a).toBe("Câu một.");
    await writeMore(an, "Câu hai.");
    expect((await world.review())!.contents.a).toBe("Câu một.\nCâu hai.");
    await world.h.settled();
    expect(await world.h.db.inboundUpdate.count({ where: { handledAt: null } })).toBe(0);
  });

  it("a Done press handled again after a kill (handled, not yet marked so) keeps the dialog where it was", async () => {
    const an = world.h.user(101);
    await startReview(an);
    await an.send("Câu một.");
    const saved = await an.waitForMessage(SAVED);
    await an.click("Xong ✓");
    await an.waitForMessage(/^b\. Về phẩm chất/);
    await world.h.settled();
    const press = await world.h.db.inboundUpdate.findFirstOrThrow({ orderBy: { updateId: "desc" } });
    const payload = {
      update_id: press.updateId,
      callback_query: {
        id: "999",
        from: { id: 101, is_bot: false, first_name: "An" },
        chat_instance: "101",
        data: stepButtonData({ kind: "done", part: "a" }),
        message: { message_id: saved.messageId, date: 0, chat: { id: 101, type: "private", first_name: "An" }, text: saved.text },
      },
    };
    await world.h.restart(async (db) => {
      await db.inboundUpdate.update({ where: { updateId: press.updateId }, data: { handledAt: null, payload: JSON.stringify(payload) } });
    });
    await world.h.settled();
    await an.send("Câu b.");
    await an.waitForMessage(SAVED);
    expect((await world.review())!.contents).toMatchObject({ a: "Câu một.", b: "Câu b." });
  });
});

// `npm run demo` is what a newcomer sees first: every scene must still play to its end against the bot as it is.
import { expect, it } from "vitest";
import { SCENES } from "../../scripts/demo/index";
import { startDemoWorld } from "../../scripts/demo/world";

it("the demo plays every scene to its end, in Vietnamese, and five self-reviews are submitted, one late", async () => {
  const lines: string[] = [];
  const world = await startDemoWorld("2026-12-01T02:00:00.000Z", (line) => lines.push(line));
  try {
    for (const scene of SCENES) {
      world.transcript.scene(scene.title);
      await scene.play(world);
    }
    const reviews = await world.h.db.selfReview.findMany({ select: { submittedAt: true, late: true } });
    expect(reviews.filter((r) => r.submittedAt)).toHaveLength(5);
    expect(reviews.filter((r) => r.late)).toHaveLength(1);
    const transcript = lines.join("\n");
    expect(transcript).not.toMatch(/Chi bộ Chi bộ|\{\{|undefined|\bTôi\b/);
  } finally {
    await world.stop();
  }
}, 120_000);

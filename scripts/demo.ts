// `npm run demo`: no token, no network. The real bot on a temporary SQLite file talks to the local Bot API
// emulator on 127.0.0.1; a secretary and four members act in their chats, then the base committee above them and a
// second branch; the chats are printed as a transcript. `npm run demo -- --zalo`: the members are on a local Zalo
// emulator (issue 14): they type the invite code and answer numbered menus by number. `npm run demo -- --rules=2025`:
// the branch under Quy định 366-QĐ/TW (issue 15), from the members' self-scores to the committee's decision.
import { SCENES, SCENES_2025 } from "./demo/index";
import { titleOf } from "./demo/scene";
import { demoSummary } from "./demo/summary";
import { startDemoWorld, ZALO_MEMBERS } from "./demo/world";

const START = "2026-12-01T02:00:00.000Z"; // 09:00 on 1 December 2026 in Hà Nội

async function main(): Promise<number> {
  const zalo = process.argv.includes("--zalo");
  const rules2025 = process.argv.includes("--rules=2025");
  const world = await startDemoWorld(START, console.log, { zalo });
  console.log("kiemdiem — demo: the real bot against a local Bot API emulator (127.0.0.1), a temporary SQLite file.");
  console.log("Every message below went through the bot; 👤 is a person typing or pressing a button, [ ] are buttons.");
  if (zalo) {
    console.log(`On Zalo (a local Zalo emulator): ${ZALO_MEMBERS.join(", ")}. Zalo has no buttons: the bot numbers the`);
    console.log("choices in its text and the member replies with the number. The secretaries stay on Telegram.");
  }
  try {
    for (const scene of rules2025 ? SCENES_2025 : SCENES) {
      world.transcript.scene(titleOf(scene, world));
      await scene.play(world);
    }
    console.log(`\n${await demoSummary(world.h.db)}`);
    return 0;
  } catch (error) {
    console.error("\nThe demo stopped:", error instanceof Error ? error.message : error);
    return 1;
  } finally {
    await world.stop();
  }
}

process.exit(await main());

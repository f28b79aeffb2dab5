// What every demo scene acts on: the real bot against the local emulator, people by name, the transcript.
import { startHarness, type Harness } from "../../test/support/bot-harness";
import type { EmulatedUser, MessageMatcher } from "../../test/emulator/bot-api-emulator";
import { Transcript } from "./transcript";

/** The branch of the demo: the secretary first. Telegram ids are the emulator's private chats. */
export const BRANCH_PEOPLE = {
  "Trần Thị Bình": 201,
  "Nguyễn Văn An": 101,
  "Lê Văn Cường": 102,
  "Phạm Thị Dung": 103,
  "Hoàng Văn Em": 104,
} as const;
export type BranchPerson = keyof typeof BRANCH_PEOPLE;

/** The base committee's secretary and member, and the secretary of the second branch it invites. */
export const COMMITTEE_PEOPLE = {
  "Phạm Minh Hùng": 401,
  "Vũ Thị Lan": 402,
  "Đỗ Thị Hoa": 301,
} as const;

export const PEOPLE = { ...BRANCH_PEOPLE, ...COMMITTEE_PEOPLE } as const;
export type Person = keyof typeof PEOPLE;

const QUIET_MS = 40;

export type DemoWorld = Awaited<ReturnType<typeof startDemoWorld>>;

export async function startDemoWorld(now: string, print: (line: string) => void = console.log) {
  const h: Harness = await startHarness({ now });
  const names = new Map<number, string>(Object.entries(PEOPLE).map(([name, id]) => [id, name]));
  const transcript = new Transcript((chatId) => names.get(chatId) ?? `#${chatId}`, print);
  const unsubscribe = h.emulator.onBotMessage((message) => transcript.bot(message));
  const user = (who: Person): EmulatedUser => h.user(PEOPLE[who], { firstName: who.split(" ").at(-1) });
  /** Invite codes by name, filled by the roster scene. */
  const inviteCodes: Record<string, string> = {};
  /** The base committee's links, filled by the committee scene. */
  const orgLinks: { branches: string[]; member?: string } = { branches: [] };

  /** After an action: the expected answer (if any), then until the bot is quiet in that chat. */
  async function settle(u: EmulatedUser, expect?: MessageMatcher): Promise<void> {
    if (expect !== undefined) await u.waitForMessage(expect);
    await u.waitForIdle(QUIET_MS);
  }

  return {
    h,
    transcript,
    inviteCodes,
    orgLinks,
    user,
    async say(who: Person, text: string, expect?: MessageMatcher, shown = text): Promise<void> {
      transcript.user(PEOPLE[who], shown);
      const u = user(who);
      await u.send(text);
      await settle(u, expect);
    },
    async press(who: Person, button: string | RegExp, expect?: MessageMatcher, shown?: string): Promise<void> {
      const u = user(who);
      transcript.press(PEOPLE[who], shown ?? labelOf(u, button));
      await u.click(button);
      await settle(u, expect);
    },
    async stop(): Promise<void> {
      unsubscribe();
      await h.stop();
    },
  };
}

/** The label of the newest button a press will hit: a pattern is shown as the words on the button. */
function labelOf(u: EmulatedUser, button: string | RegExp): string {
  if (typeof button === "string") return button;
  for (const message of u.messages().reverse()) {
    const found = (message.replyMarkup?.inline_keyboard ?? []).flat().find((b: { text: string }) => button.test(b.text));
    if (found) return found.text;
  }
  return String(button);
}

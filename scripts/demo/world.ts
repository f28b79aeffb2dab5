// What every demo scene acts on: the real bot against the local emulator, people by name, the transcript.
// With `zalo` (`npm run demo -- --zalo`, issue 14) the branch's members are on the local Zalo emulator: they type
// what a Telegram member would type, and answer a numbered menu by its number where a Telegram member presses.
import { startHarness, type Harness } from "../../test/support/bot-harness";
import type { EmulatedUser, MessageMatcher } from "../../test/emulator/bot-api-emulator";
import type { ZaloUser } from "../../test/emulator/zalo/zalo-emulator";
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

/** With `--zalo`: the members who are on Zalo; the secretaries and the committee stay on Telegram. */
export const ZALO_MEMBERS: readonly Person[] = ["Nguyễn Văn An", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em"];

const QUIET_MS = 40;
const ZALO_WAIT_MS = 15_000;

export type DemoWorld = Awaited<ReturnType<typeof startDemoWorld>>;

export async function startDemoWorld(now: string, print: (line: string) => void = console.log, options: { zalo?: boolean } = {}) {
  const h: Harness = await startHarness({ now, zalo: options.zalo });
  const names = new Map<number | string, string>(Object.entries(PEOPLE).map(([name, id]) => [id, name]));
  const onZalo = new Map<Person, ZaloUser>(options.zalo ? ZALO_MEMBERS.map((name) => [name, h.zalo.user(name)]) : []);
  for (const [name, z] of onZalo) names.set(z.id, name);
  const transcript = new Transcript((chatId) => names.get(chatId) ?? `#${chatId}`, print);
  const unsubscribers = [
    h.emulator.onBotMessage((message) => transcript.bot(message)),
    ...(options.zalo ? [h.zalo.onBotMessage((message) => transcript.zaloBot(message))] : []),
  ];
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

  async function settleZalo(z: ZaloUser, expect?: MessageMatcher): Promise<void> {
    if (typeof expect === "function") throw new Error("a Zalo member's step expects a text or a pattern");
    if (expect !== undefined) await z.waitFor(expect, ZALO_WAIT_MS);
    await z.waitForIdle(QUIET_MS, ZALO_WAIT_MS);
  }

  return {
    h,
    transcript,
    inviteCodes,
    orgLinks,
    user,
    /** Whether the members are on Zalo in this run (`--zalo`). */
    zalo: onZalo.size > 0,
    /** Whether this person is on Zalo in this run. */
    onZalo: (who: Person): boolean => onZalo.has(who),
    async say(who: Person, text: string, expect?: MessageMatcher, shown = text): Promise<void> {
      const z = onZalo.get(who);
      if (z) {
        transcript.user(z.id, shown);
        z.send(text);
        return settleZalo(z, expect);
      }
      transcript.user(PEOPLE[who], shown);
      const u = user(who);
      await u.send(text);
      await settle(u, expect);
    },
    /** On Zalo, a press is the reply with that button's number in the newest numbered menu. */
    async press(who: Person, button: string | RegExp, expect?: MessageMatcher, shown?: string): Promise<void> {
      const z = onZalo.get(who);
      if (z) {
        const { number, label } = menuNumberOf(z, button);
        transcript.user(z.id, `${number}   (chọn «${shown ?? label}»)`);
        z.send(number);
        return settleZalo(z, expect);
      }
      const u = user(who);
      transcript.press(PEOPLE[who], shown ?? labelOf(u, button));
      await u.click(button);
      await settle(u, expect);
    },
    async stop(): Promise<void> {
      for (const unsubscribe of unsubscribers) unsubscribe();
      await h.stop();
    },
  };
}

/** "2. Đủ tư cách, …": a line of a numbered menu, as the Zalo channel writes them. */
const MENU_LINE = /^(\d+)\. (.+)$/gm;

/** The number and label of the button in the newest message with a numbered menu that has it. */
function menuNumberOf(z: ZaloUser, button: string | RegExp): { number: string; label: string } {
  const fits = (label: string) => (typeof button === "string" ? label === button : button.test(label));
  for (const message of z.messages().reverse()) {
    for (const [, number, label] of (message.text ?? "").matchAll(MENU_LINE)) {
      if (number && label && fits(label)) return { number, label };
    }
  }
  throw new Error(`no «${String(button)}» in a menu sent to ${z.displayName}`);
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

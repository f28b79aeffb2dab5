// One person on both channels (issue 14). A roster entry's first account (Member.userId) is the person: their
// memberships, roles, reviews and reminders hang on that User. An account bound on the other channel (MemberAccount)
// acts as that person from there (store/users.ts resolves it). Reminders and notices go to one account only: the
// channel the person chose (/notify), else the one they joined on first, so nothing reaches a person twice.
import { CHANNELS, type Channel } from "../domain/channels";
import { chunksOf } from "./chunks";
import { inTransaction, type Db, type Tx } from "./client";
import { recordAudit } from "./audit";
import { ZALO_NUMBER_BASE } from "./zalo";

export { CHANNELS, type Channel };

/** What reading the bindings needs: a client or a transaction. */
type Reader = Pick<Db, "user" | "member" | "memberAccount">;

/** The channel of an account or chat, by its number: the Zalo channel's start at 2^52 (store/zalo.ts). */
export function channelOf(telegramId: string | number): Channel {
  return Number(telegramId) >= ZALO_NUMBER_BASE ? "zalo" : "telegram";
}

/** The person an account acts for: the entry's first account when it is bound to one, else the account itself. */
export async function personOf(db: Reader, accountId: string): Promise<string> {
  const bound = await db.memberAccount.findUnique({ where: { userId: accountId }, select: { memberId: true } });
  if (!bound) return accountId;
  const member = await db.member.findUnique({ where: { id: bound.memberId }, select: { userId: true } });
  return member?.userId ?? accountId;
}

type Account = { id: string; telegramId: string; language: string; unreachableAt: Date | null };

/** The accounts bound to these persons on their other channel, by person. */
async function boundAccounts(db: Reader, personIds: readonly string[]): Promise<Map<string, Array<Account & { channel: Channel }>>> {
  const found = new Map<string, Array<Account & { channel: Channel }>>();
  for (const ids of chunksOf([...new Set(personIds)])) {
    const members = await db.member.findMany({ where: { userId: { in: ids } }, select: { id: true, userId: true } });
    const personOfMember = new Map(members.map((m) => [m.id, m.userId!]));
    const bindings = await db.memberAccount.findMany({ where: { memberId: { in: [...personOfMember.keys()] } } });
    const accounts = new Map(
      (await db.user.findMany({ where: { id: { in: bindings.map((b) => b.userId) } } })).map((u) => [u.id, u] as const),
    );
    for (const binding of bindings) {
      const account = accounts.get(binding.userId);
      const person = personOfMember.get(binding.memberId)!;
      if (account) found.set(person, [...(found.get(person) ?? []), { ...account, channel: binding.channel as Channel }]);
    }
  }
  return found;
}

/** Where a person's messages go: the account, its chat, and whether it blocked the bot; in the person's language. */
export type Delivery = { accountId: string; telegramId: string; language: string; unreachable: boolean };

/** Each person's one account to message (persons not found are left out). */
export async function deliveriesOf(db: Reader, personIds: readonly string[]): Promise<Map<string, Delivery>> {
  const persons: Array<Account & { notifyChannel: string | null }> = [];
  for (const ids of chunksOf([...new Set(personIds)])) persons.push(...(await db.user.findMany({ where: { id: { in: ids } } })));
  const elsewhere = persons.filter((p) => p.notifyChannel !== null && p.notifyChannel !== channelOf(p.telegramId));
  const bound =
    elsewhere.length > 0
      ? await boundAccounts(
          db,
          elsewhere.map((p) => p.id),
        )
      : new Map();
  return new Map(
    persons.map((person) => {
      const chosen = bound.get(person.id)?.find((a: { channel: Channel }) => a.channel === person.notifyChannel) ?? person;
      const delivery = {
        accountId: chosen.id,
        telegramId: chosen.telegramId,
        language: person.language,
        unreachable: chosen.unreachableAt !== null,
      };
      return [person.id, delivery];
    }),
  );
}

/**
 * SQL: the persons (User ids) whose messages cannot be delivered, because the account they go to blocked the bot.
 * For counts in SQL (/status); the same rule as `deliveriesOf`.
 */
export const UNDELIVERABLE_PERSONS = `SELECT up.id FROM User up WHERE CASE WHEN up.notifyChannel IS NULL THEN up.unreachableAt IS NOT NULL
    ELSE COALESCE((SELECT ux.unreachableAt IS NOT NULL FROM Member um JOIN MemberAccount ua ON ua.memberId = um.id
      JOIN User ux ON ux.id = ua.userId WHERE um.userId = up.id AND ua.channel = up.notifyChannel LIMIT 1), up.unreachableAt IS NOT NULL) END`;

/** The channels a person can be messaged on (the first one first) and the one their messages go to. */
export type NotifyChoice = { channels: Channel[]; chosen: Channel };

export async function notifyChoiceOf(db: Reader, personId: string): Promise<NotifyChoice | null> {
  const person = await db.user.findUnique({ where: { id: personId }, select: { telegramId: true, notifyChannel: true } });
  if (!person) return null;
  const first = channelOf(person.telegramId);
  const channels = [first, ...((await boundAccounts(db, [personId])).get(personId) ?? []).map((a) => a.channel)];
  const chosen = channels.find((c) => c === person.notifyChannel) ?? first;
  return { channels, chosen };
}

/** The person's messages go to `channel` from now on; false when no account of theirs is on it. */
export async function chooseNotifyChannel(db: Db, personId: string, channel: Channel, now: Date): Promise<boolean> {
  const choice = await notifyChoiceOf(db, personId);
  if (!choice?.channels.includes(channel)) return false;
  await inTransaction(db, async (tx) => {
    await tx.user.update({ where: { id: personId }, data: { notifyChannel: channel } });
    await recordAudit(tx, { actorId: personId, action: "notify.channel", entity: "User", entityId: personId, data: { channel } }, now);
  });
  return true;
}

/** Why an account cannot be bound to a joined entry: its channel is taken, or it already is someone on its own. */
export type BindRefusal = "taken" | "account-in-use";

/**
 * Whether `accountId` may become the joined entry's account on its channel: the person has no account on that channel
 * yet (their first one included), and the account is nobody yet (no entry, no role, no binding), so binding it
 * neither hides what it holds nor takes over someone else's place.
 */
export async function bindRefusal(tx: Tx, personId: string, accountId: string): Promise<BindRefusal | null> {
  const [person, account] = await Promise.all([
    tx.user.findUnique({ where: { id: personId }, select: { telegramId: true } }),
    tx.user.findUnique({ where: { id: accountId }, select: { telegramId: true } }),
  ]);
  if (!person || !account) return "taken";
  const channel = channelOf(account.telegramId);
  if (channelOf(person.telegramId) === channel) return "taken";
  if (((await boundAccounts(tx, [personId])).get(personId) ?? []).some((a) => a.channel === channel)) return "taken";
  const [member, role, binding] = await Promise.all([
    tx.member.findFirst({ where: { userId: accountId }, select: { id: true } }),
    tx.roleGrant.findFirst({ where: { userId: accountId }, select: { id: true } }),
    tx.memberAccount.findUnique({ where: { userId: accountId }, select: { id: true } }),
  ]);
  return member || role || binding ? "account-in-use" : null;
}

/** Binds the account to the entry on its channel; it reads in the person's language from now on. */
export async function bindAccount(tx: Tx, member: { id: string; userId: string }, accountId: string, now: Date): Promise<Channel> {
  const [person, account] = await Promise.all([
    tx.user.findUniqueOrThrow({ where: { id: member.userId }, select: { language: true } }),
    tx.user.findUniqueOrThrow({ where: { id: accountId }, select: { telegramId: true } }),
  ]);
  const channel = channelOf(account.telegramId);
  await tx.memberAccount.create({ data: { memberId: member.id, channel, userId: accountId, createdAt: now } });
  await tx.user.update({ where: { id: accountId }, data: { language: person.language } });
  return channel;
}

/** The person's own account and those bound to them: a language chosen from one is the others' too. */
export async function accountsOfPerson(db: Reader, personId: string): Promise<string[]> {
  return [personId, ...((await boundAccounts(db, [personId])).get(personId) ?? []).map((a) => a.id)];
}

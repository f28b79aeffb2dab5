// The invites a secretary forwards to each member: one Telegram deep link per roster entry and, where the deployment
// serves Zalo (which has no deep links), the code to type in the bot's Zalo chat; both when it serves both, since
// the secretary cannot know which app each member uses.
import { formatLocalDate } from "../../domain/branch-setup";
import type { ReviewTimeZone } from "../../domain/calendar";
import { otherChannel, type Channel } from "../../domain/channels";
import type { IssuedInvite } from "../../store/invites";
import type { Deps } from "./context";
import type { Translate } from "./i18n";
import { joinInMessages } from "./split-message";

export function inviteLink(botUsername: string, code: string): string {
  return `https://t.me/${botUsername}?start=${code}`;
}

/** How a member joins in this deployment: by a Telegram deep link, by typing the code in the bot's Zalo chat, or either. */
export type JoinWays = { botUsername: string; telegram: boolean; zalo: boolean };

export function joinWaysOf(deps: Deps): JoinWays {
  const channels = deps.channels ?? { telegram: true, zalo: false };
  return { botUsername: channels.telegram ? deps.botUsername() : "", ...channels };
}

/** One invite's ways in: the bare link (Telegram only), the Zalo instruction (Zalo only), or both, each named. */
export function howToJoin(t: Translate, ways: JoinWays, code: string): string {
  const link = inviteLink(ways.botUsername, code);
  if (!ways.zalo) return link;
  const onZalo = t("invites.on_zalo", { code });
  return ways.telegram ? `${t("invites.on_telegram", { link })}\n${onZalo}` : onZalo;
}

/**
 * The links as messages that fit Telegram's limit, a member's name and link never split apart; the expiry (set by the
 * period's rulebook, see store/invites.ts) is shown as a day in the review's time zone.
 */
export function inviteMessages(
  t: Translate,
  ways: JoinWays,
  invites: IssuedInvite[],
  zone: ReviewTimeZone,
  /** One member's link reissued: the header says the others are unchanged. */
  one = false,
): string[] {
  if (invites.length === 0) return [t("invites.none")];
  const date = formatLocalDate(invites[0].expiresAt, zone.offsetMinutes);
  // Zalo only: there is no link, only a code to type.
  const codes = ways.telegram ? "" : "_codes";
  const header = one
    ? t(`invites.header_one${codes}`, { name: invites[0].fullName, date })
    : t(`invites.header${codes}`, { count: invites.length, date });
  const blocks = invites.map((invite, i) => `${i + 1}. ${invite.fullName}\n${howToJoin(t, ways, invite.code)}`);
  return joinInMessages([header, ...blocks]);
}

/**
 * A fresh invite of an entry joined on one channel (issue 14): only the way in on the other channel, which binds the
 * account opened there to the same entry.
 */
export function otherChannelInvite(
  t: Translate,
  ways: JoinWays,
  invite: IssuedInvite & { joinedOn: Channel },
  zone: ReviewTimeZone,
): string[] {
  const channel = otherChannel(invite.joinedOn);
  const header = t("invites.header_bind", {
    name: invite.fullName,
    channel: t(`channel.${channel}`),
    joined: t(`channel.${invite.joinedOn}`),
    date: formatLocalDate(invite.expiresAt, zone.offsetMinutes),
  });
  const way = howToJoin(t, { ...ways, telegram: channel === "telegram", zalo: channel === "zalo" }, invite.code);
  return joinInMessages([header, `1. ${invite.fullName}\n${way}`]);
}

// The invite links a secretary forwards to each member: one Telegram deep link per roster entry.
import { formatLocalDate } from "../../domain/branch-setup";
import type { ReviewTimeZone } from "../../domain/calendar";
import type { IssuedInvite } from "../../store/invites";
import type { Translate } from "./i18n";
import { joinInMessages } from "./split-message";

export function inviteLink(botUsername: string, code: string): string {
  return `https://t.me/${botUsername}?start=${code}`;
}

/**
 * The links as messages that fit Telegram's limit, a member's name and link never split apart; the expiry (set by the
 * period's rulebook, see store/invites.ts) is shown as a day in the review's time zone.
 */
export function inviteMessages(
  t: Translate,
  botUsername: string,
  invites: IssuedInvite[],
  zone: ReviewTimeZone,
  /** One member's link reissued: the header says the others are unchanged. */
  one = false,
): string[] {
  if (invites.length === 0) return [t("invites.none")];
  const date = formatLocalDate(invites[0].expiresAt, zone.offsetMinutes);
  const header = one ? t("invites.header_one", { name: invites[0].fullName, date }) : t("invites.header", { count: invites.length, date });
  const blocks = invites.map((invite, i) => `${i + 1}. ${invite.fullName}\n${inviteLink(botUsername, invite.code)}`);
  return joinInMessages([header, ...blocks]);
}

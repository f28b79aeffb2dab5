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
export function inviteMessages(t: Translate, botUsername: string, invites: IssuedInvite[], zone: ReviewTimeZone): string[] {
  if (invites.length === 0) return [t("invites.none")];
  const header = t("invites.header", { count: invites.length, date: formatLocalDate(invites[0].expiresAt, zone.offsetMinutes) });
  const blocks = invites.map((invite, i) => `${i + 1}. ${invite.fullName}\n${inviteLink(botUsername, invite.code)}`);
  return joinInMessages([header, ...blocks]);
}

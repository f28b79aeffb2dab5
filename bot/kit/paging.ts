import type { InlineKeyboard } from "grammy";
import type { Translate } from "./i18n";

/** Telegram allows 100 buttons per keyboard: long lists are shown a page at a time. */
export function pageOf<T>(items: readonly T[], page: number, size: number) {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const current = Math.min(Math.max(page, 0), pages - 1);
  return { items: items.slice(current * size, (current + 1) * size), current, pages };
}

/** ‹ Previous and Next › on one row, each only where there is a page to turn to; `dataOf` is a page's button data. */
export function addPageButtons(
  keyboard: InlineKeyboard,
  t: Translate,
  shown: { current: number; pages: number },
  dataOf: (page: number) => string,
): InlineKeyboard {
  if (shown.current > 0) keyboard.text(t("paging.prev"), dataOf(shown.current - 1));
  if (shown.current < shown.pages - 1) keyboard.text(t("paging.next"), dataOf(shown.current + 1));
  return keyboard;
}

/** The first `max` items, then "and N more" (`key` gets `list` and `count`): a list that grows with the roster stays short. */
export function shortList(
  t: Translate,
  items: readonly string[],
  max: number,
  key: "paging.more_people" | "paging.more_groups" | "paging.more_branches",
): string {
  if (items.length <= max) return items.join(", ");
  return t(key, { list: items.slice(0, max).join(", "), count: items.length - max });
}

/** Telegram allows 100 buttons per keyboard: long lists are shown a page at a time. */
export function pageOf<T>(items: readonly T[], page: number, size: number) {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const current = Math.min(Math.max(page, 0), pages - 1);
  return { items: items.slice(current * size, (current + 1) * size), current, pages };
}

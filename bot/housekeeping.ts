// Hourly upkeep of what the bot keeps only for a while: handled update ids (Telegram never re-sends old ones)
// and abandoned dialogs (their replay logs may hold what a person typed).
import { forgetIdleDialogs } from "../store/conversation-storage";
import { pruneInbox } from "../store/inbox";
import { pruneZaloEvents } from "../store/zalo";
import type { Deps } from "./kit/context";

/** A dialog untouched this long is abandoned: whoever comes back starts it again from what is saved. */
export const DIALOG_IDLE_MS = 3 * 24 * 60 * 60_000;

export async function tidyOnce(deps: Deps): Promise<{ updateIds: number; dialogs: number }> {
  // Zalo's de-duplication marks go with the inbox's ids (a redelivery, if Zalo ever makes one, comes soon).
  const updateIds = (await pruneInbox(deps.db)) + (await pruneZaloEvents(deps.db));
  const dialogs = await forgetIdleDialogs(deps.db, new Date(deps.clock().getTime() - DIALOG_IDLE_MS));
  return { updateIds, dialogs };
}

export function startHousekeeping(deps: Deps, intervalMs = 60 * 60_000): { stop(): void } {
  const timer = setInterval(
    () => void tidyOnce(deps).catch((error) => deps.log.warn({ name: (error as Error).name }, "housekeeping failed")),
    intervalMs,
  );
  return { stop: () => clearInterval(timer) };
}

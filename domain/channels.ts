// The apps a person reaches the bot through (issue 14). A roster entry binds at most one account on each.
export const CHANNELS = ["telegram", "zalo"] as const;
export type Channel = (typeof CHANNELS)[number];

/** The channel a person who joined on `channel` can still add. */
export function otherChannel(channel: Channel): Channel {
  return channel === "telegram" ? "zalo" : "telegram";
}

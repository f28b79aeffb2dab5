import { z } from "zod";
import type { ReviewTimeZone } from "../domain/calendar";

/** The review's time zone when TZ_REVIEW is not set: the one place it is written. */
const DEFAULT_TZ_REVIEW = "Asia/Ho_Chi_Minh";
const TOKEN_PATTERN = /^\d+:[A-Za-z0-9_-]{20,}$/;
const ZALO_TOKEN_PATTERN = /^\d+:\S{8,}$/;

const configSchema = z.object({
  BOT_TOKEN: z.string().trim().regex(TOKEN_PATTERN, { error: "malformed" }).optional(),
  // Zalo Bot Platform (issue 14): "{bot_id}:{secret}" from Zalo Bot Manager; the bot serves Telegram, Zalo or both.
  ZALO_BOT_TOKEN: z.string().trim().regex(ZALO_TOKEN_PATTERN).optional(),
  ZALO_API_ROOT: z.url().default("https://bot-api.zaloplatforms.com"),
  ZALO_WEBHOOK_URL: z.url().optional(),
  ZALO_PORT: z.coerce.number().int().min(1).max(65535).default(8081),
  ZALO_FILES_URL: z.url({ protocol: /^https$/ }).optional(),
  ZALO_FILES_PORT: z.coerce.number().int().min(1).max(65535).default(8082),
  ZALO_WEBHOOK_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,256}$/)
    .optional(),
  DATABASE_URL: z.string().trim().startsWith("file:").default("file:./data/bot.db"),
  TELEGRAM_API_ROOT: z.url().default("https://api.telegram.org"),
  TZ_REVIEW: z.string().trim().default(DEFAULT_TZ_REVIEW),
  WEBHOOK_URL: z.url().optional(),
  WEBHOOK_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,256}$/)
    .optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(8080),
  HOST: z.string().trim().min(1).default("0.0.0.0"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type Config = {
  /** Absent when the bot serves Zalo only. */
  botToken?: string;
  /** Present when the bot serves Zalo: long polling, or its webhook when ZALO_WEBHOOK_URL is set. */
  zalo?: {
    token: string;
    apiRoot: string;
    webhook?: { url: string; secret: string; port: number; host: string };
    /** Documents as single-use links: their public HTTPS base, and the port the file server listens on. */
    files?: { url: string; port: number; host: string };
  };
  databaseUrl: string;
  apiRoot: string;
  /** The only source of the review's time zone: deadlines, reminders and every date a user reads (see calendar.ts). */
  timeZone: ReviewTimeZone;
  webhook?: { url: string; secret: string; port: number; host: string };
  logLevel: z.infer<typeof configSchema>["LOG_LEVEL"];
};

export class ConfigError extends Error {}

const BOTFATHER_HELP =
  "Open Telegram, talk to @BotFather, send /newbot, and put the token it gives you into .env as BOT_TOKEN=123456:ABC… " +
  "(or a Zalo bot's token as ZALO_BOT_TOKEN; see .env.example). To see the bot working without a token, run: npm run demo";

/** Parses the environment once; a bad value becomes one sentence that says how to fix it, not a stack trace. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = configSchema.safeParse(emptyAsUndefined(env));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue.path[0]);
    if (name === "BOT_TOKEN") {
      const problem = env.BOT_TOKEN?.trim() ? "BOT_TOKEN does not look like a bot token." : "BOT_TOKEN is not set.";
      throw new ConfigError(`${problem} ${BOTFATHER_HELP}`);
    }
    if (name === "ZALO_BOT_TOKEN") throw new ConfigError("ZALO_BOT_TOKEN does not look like a Zalo bot token ({bot_id}:{secret}).");
    throw new ConfigError(`${name} is invalid (${issue.message}). See .env.example for the expected value.`);
  }
  const c = parsed.data;
  if (!c.BOT_TOKEN && !c.ZALO_BOT_TOKEN) throw new ConfigError(`BOT_TOKEN is not set. ${BOTFATHER_HELP}`);
  if (c.ZALO_WEBHOOK_URL && !c.ZALO_WEBHOOK_SECRET) {
    throw new ConfigError("ZALO_WEBHOOK_URL is set but ZALO_WEBHOOK_SECRET is not: set a random secret of 8–256 letters, digits, _ or -.");
  }
  if (c.WEBHOOK_URL && !c.WEBHOOK_SECRET) {
    throw new ConfigError("WEBHOOK_URL is set but WEBHOOK_SECRET is not: set a random secret of 16+ letters, digits, _ or -.");
  }
  return {
    botToken: c.BOT_TOKEN,
    zalo: c.ZALO_BOT_TOKEN
      ? {
          token: c.ZALO_BOT_TOKEN,
          apiRoot: c.ZALO_API_ROOT.replace(/\/$/, ""),
          webhook:
            c.ZALO_WEBHOOK_URL && c.ZALO_WEBHOOK_SECRET
              ? { url: c.ZALO_WEBHOOK_URL, secret: c.ZALO_WEBHOOK_SECRET, port: c.ZALO_PORT, host: c.HOST }
              : undefined,
          files: c.ZALO_FILES_URL ? { url: c.ZALO_FILES_URL, port: c.ZALO_FILES_PORT, host: c.HOST } : undefined,
        }
      : undefined,
    databaseUrl: c.DATABASE_URL,
    apiRoot: c.TELEGRAM_API_ROOT.replace(/\/$/, ""),
    timeZone: reviewTimeZone(c.TZ_REVIEW),
    webhook: c.WEBHOOK_URL && c.WEBHOOK_SECRET ? { url: c.WEBHOOK_URL, secret: c.WEBHOOK_SECRET, port: c.PORT, host: c.HOST } : undefined,
    logLevel: c.LOG_LEVEL,
  };
}

/** TZ_REVIEW when the environment does not set it (and in tests, the demo and benchmarks). */
export function defaultTimeZone(): ReviewTimeZone {
  return reviewTimeZone(DEFAULT_TZ_REVIEW);
}

// The 1st of every month of 2000–2049: a zone whose offset differs between them has (or had) daylight saving time.
const SAMPLE_INSTANTS = Array.from({ length: 50 * 12 }, (_, i) => Date.UTC(2000 + Math.floor(i / 12), i % 12, 1));

/**
 * An IANA zone name with its one offset. Only zones without daylight saving time: the domain computes local time as
 * the instant plus a constant (pure and fast), which a zone whose offset moves would get wrong twice a year.
 */
export function reviewTimeZone(name: string): ReviewTimeZone {
  let offsets: Set<number>;
  try {
    const format = new Intl.DateTimeFormat("en-US", {
      timeZone: name,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
    });
    offsets = new Set(SAMPLE_INSTANTS.map((ms) => offsetMinutesAt(format, ms)));
  } catch {
    throw new ConfigError(`TZ_REVIEW is not a time zone name (${name}): use one like Asia/Ho_Chi_Minh.`);
  }
  if (offsets.size !== 1) {
    throw new ConfigError(`TZ_REVIEW ${name} has daylight saving time: use a zone with one offset all year, like Asia/Ho_Chi_Minh.`);
  }
  return { name, offsetMinutes: [...offsets][0] };
}

function offsetMinutesAt(format: Intl.DateTimeFormat, ms: number): number {
  const part = Object.fromEntries(format.formatToParts(new Date(ms)).map((p) => [p.type, Number(p.value)]));
  return (Date.UTC(part.year, part.month - 1, part.day, part.hour, part.minute) - ms) / 60_000;
}

function emptyAsUndefined(env: Record<string, string | undefined>) {
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v === "" ? undefined : v]));
}

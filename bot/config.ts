import { z } from "zod";

const TOKEN_PATTERN = /^\d+:[A-Za-z0-9_-]{20,}$/;

const configSchema = z.object({
  BOT_TOKEN: z.string({ error: "missing" }).trim().regex(TOKEN_PATTERN, { error: "malformed" }),
  DATABASE_URL: z.string().trim().startsWith("file:").default("file:./data/bot.db"),
  TELEGRAM_API_ROOT: z.url().default("https://api.telegram.org"),
  TZ_REVIEW: z.literal("Asia/Ho_Chi_Minh").default("Asia/Ho_Chi_Minh"),
  WEBHOOK_URL: z.url().optional(),
  WEBHOOK_SECRET: z.string().regex(/^[A-Za-z0-9_-]{16,256}$/).optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(8080),
  HOST: z.string().trim().min(1).default("0.0.0.0"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type Config = {
  botToken: string;
  databaseUrl: string;
  apiRoot: string;
  timeZone: "Asia/Ho_Chi_Minh";
  webhook?: { url: string; secret: string; port: number; host: string };
  logLevel: z.infer<typeof configSchema>["LOG_LEVEL"];
};

export class ConfigError extends Error {}

const BOTFATHER_HELP =
  "Open Telegram, talk to @BotFather, send /newbot, and put the token it gives you into .env as BOT_TOKEN=123456:ABC… " +
  "(see .env.example). To see the bot working without a token, run: npm run demo";

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
    throw new ConfigError(`${name} is invalid (${issue.message}). See .env.example for the expected value.`);
  }
  const c = parsed.data;
  if (c.WEBHOOK_URL && !c.WEBHOOK_SECRET) {
    throw new ConfigError("WEBHOOK_URL is set but WEBHOOK_SECRET is not: set a random secret of 16+ letters, digits, _ or -.");
  }
  return {
    botToken: c.BOT_TOKEN,
    databaseUrl: c.DATABASE_URL,
    apiRoot: c.TELEGRAM_API_ROOT.replace(/\/$/, ""),
    timeZone: c.TZ_REVIEW,
    webhook: c.WEBHOOK_URL && c.WEBHOOK_SECRET ? { url: c.WEBHOOK_URL, secret: c.WEBHOOK_SECRET, port: c.PORT, host: c.HOST } : undefined,
    logLevel: c.LOG_LEVEL,
  };
}

function emptyAsUndefined(env: Record<string, string | undefined>) {
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v === "" ? undefined : v]));
}

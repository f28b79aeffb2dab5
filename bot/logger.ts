import pino, { type Logger } from "pino";

/** Structured logs. Handlers log ids and counts only: review texts are personal data. */
export function createLogger(level: string = "info"): Logger {
  return pino({ level, redact: { paths: ["*.text", "*.caption", "*.review", "*.content*"], remove: true } });
}

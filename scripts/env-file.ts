// `.env` will hold the bot's token (and the webhook secret): readable by its owner only, whoever created it.
import { chmodSync, copyFileSync, constants, existsSync, statSync } from "node:fs";
import path from "node:path";

const OWNER_ONLY = 0o600;

/**
 * Creates `.env` from `.env.example` (owner-only) when it is missing, and makes an existing one owner-only.
 * Returns what it did, for one line on the console.
 */
export function ensurePrivateEnvFile(dir: string): "created" | "made-private" | "unchanged" | "no-example" {
  const env = path.join(dir, ".env");
  if (!existsSync(env)) {
    const example = path.join(dir, ".env.example");
    if (!existsSync(example)) return "no-example";
    copyFileSync(example, env, constants.COPYFILE_EXCL);
    chmodSync(env, OWNER_ONLY);
    return "created";
  }
  if ((statSync(env).mode & 0o777) === OWNER_ONLY) return "unchanged";
  chmodSync(env, OWNER_ONLY);
  return "made-private";
}

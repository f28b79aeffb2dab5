import type { NextFunction } from "grammy";
import { loadIdentity, markReachable } from "../store/users";
import type { BotContext, Deps } from "./kit/context";
import { asLanguage, translatorFor } from "./kit/i18n";

export function attachDeps(deps: Deps) {
  return (ctx: BotContext, next: NextFunction) => {
    ctx.deps = deps;
    return next();
  };
}

/** Who is this (Telegram user → user, members, roles) and which language they read. */
export async function identify(ctx: BotContext, next: NextFunction) {
  const from = ctx.from;
  if (!from || from.is_bot) return; // channel posts and other bots: nothing to do for us
  ctx.identity = await loadIdentity(ctx.deps.db, {
    id: from.id,
    displayName: [from.first_name, from.last_name].filter(Boolean).join(" "),
    languageCode: from.language_code,
  });
  if (ctx.identity.unreachable) await markReachable(ctx.deps.db, ctx.identity.accountId);
  ctx.lang = asLanguage(ctx.identity.language);
  ctx.t = translatorFor(ctx.lang);
  return next();
}

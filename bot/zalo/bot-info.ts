// A process that serves Zalo only has no Telegram getMe: the Zalo bot's own getMe stands in for it.
import type { UserFromGetMe } from "grammy/types";
import type { ZaloClient } from "./client";
import { ZALO_NUMBER_BASE } from "./ids";

export async function zaloBotInfo(client: ZaloClient): Promise<UserFromGetMe> {
  const answer = await client.call("getMe", {});
  if (!answer.ok) throw new Error(`Zalo getMe failed (${answer.error_code}): is ZALO_BOT_TOKEN right?`);
  const me = answer.result as { account_name?: string; display_name?: string };
  const name = me.account_name ?? me.display_name ?? "zalo-bot";
  return {
    id: ZALO_NUMBER_BASE, // account numbers start at 1: this one is nobody's
    is_bot: true,
    first_name: name,
    username: name,
    can_join_groups: false,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
    can_connect_to_business: false,
    has_main_web_app: false,
  } as UserFromGetMe;
}

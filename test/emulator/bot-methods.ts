import { badRequest } from "./api-error.js";
import { botUser, privateChat } from "./emulator-world.js";
import { messageMethods, type MethodContext, type MethodHandler, type Payload } from "./message-methods.js";

const asBoolean = (value: unknown) => value === true || value === "true";
const asOptionalNumber = (value: unknown) => (value === undefined ? undefined : Number(value));

const getMe: MethodHandler = (ctx) => ({
  ...botUser(ctx.token),
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
});

const getUpdates: MethodHandler = (ctx, p) =>
  ctx.world
    .queueFor(ctx.token)
    .getUpdates(asOptionalNumber(p.offset), asOptionalNumber(p.limit), asOptionalNumber(p.timeout), ctx.onClientGone);

/** Commands are stored per scope and language, like Telegram. */
const commandsKey = (ctx: MethodContext, p: Payload) =>
  `${ctx.token}|commands|${JSON.stringify(p.scope ?? { type: "default" })}|${p.language_code ?? ""}`;

const setMyCommands: MethodHandler = (ctx, p) => {
  const commands: Array<{ command?: string; description?: string }> = p.commands ?? [];
  if (commands.length > 100) throw badRequest("too many commands");
  for (const { command, description } of commands) {
    if (!/^[a-z0-9_]{1,32}$/.test(command ?? "")) throw badRequest("BOT_COMMAND_INVALID");
    if (!description || description.length > 256) throw badRequest("BOT_COMMAND_DESCRIPTION_INVALID");
  }
  ctx.world.botSettings.set(commandsKey(ctx, p), commands);
  return true;
};

const getMyCommands: MethodHandler = (ctx, p) => ctx.world.botSettings.get(commandsKey(ctx, p)) ?? [];

const deleteMyCommands: MethodHandler = (ctx, p) => {
  ctx.world.botSettings.delete(commandsKey(ctx, p));
  return true;
};

const menuButtonKey = (ctx: MethodContext, p: Payload) => `${ctx.token}|menu|${p.chat_id ?? "default"}`;

const setChatMenuButton: MethodHandler = (ctx, p) => {
  ctx.world.botSettings.set(menuButtonKey(ctx, p), p.menu_button ?? { type: "default" });
  return true;
};

const getChatMenuButton: MethodHandler = (ctx, p) =>
  ctx.world.botSettings.get(menuButtonKey(ctx, p)) ?? ctx.world.botSettings.get(menuButtonKey(ctx, {})) ?? { type: "commands" };

const setWebhook: MethodHandler = (ctx, p) => {
  if (typeof p.url !== "string" || p.url === "") return deleteWebhook(ctx, p); // Telegram: empty url removes the webhook
  if (!/^https?:\/\//.test(p.url)) throw badRequest("bad webhook: Webhook can be set up only on ports 80, 88, 443 or 8443");
  if (p.secret_token !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(String(p.secret_token))) {
    throw badRequest("secret token contains unallowed characters");
  }
  ctx.world.queueFor(ctx.token).setWebhook(p.url, p.secret_token, asBoolean(p.drop_pending_updates));
  return true;
};

const deleteWebhook: MethodHandler = (ctx, p) => {
  ctx.world.queueFor(ctx.token).deleteWebhook(asBoolean(p.drop_pending_updates));
  return true;
};

const getWebhookInfo: MethodHandler = (ctx) => ctx.world.queueFor(ctx.token).webhookInfo();

const getChat: MethodHandler = (ctx, p) => {
  const user = ctx.world.users.get(Number(p.chat_id));
  if (!user) throw badRequest("chat not found");
  return { ...privateChat(user), accent_color_id: 0, max_reaction_count: 11, accepted_gift_types: {} };
};

const acknowledge: MethodHandler = () => true;

const allMethods: Record<string, MethodHandler> = {
  ...messageMethods,
  getMe,
  getUpdates,
  setMyCommands,
  getMyCommands,
  deleteMyCommands,
  setChatMenuButton,
  getChatMenuButton,
  setWebhook,
  deleteWebhook,
  getWebhookInfo,
  getChat,
  close: acknowledge,
  logOut: acknowledge,
  setMyDescription: acknowledge,
  setMyShortDescription: acknowledge,
  setMyName: acknowledge,
};

/** Telegram matches method names case-insensitively. */
const methodsByLowerName = new Map(Object.entries(allMethods).map(([name, handler]) => [name.toLowerCase(), { name, handler }]));

export function findMethod(name: string): { name: string; handler: MethodHandler } | undefined {
  return methodsByLowerName.get(name.toLowerCase());
}

// /notify (issue 14): a person who reaches the bot on both Telegram and Zalo chooses where reminders, alerts and
// notices go; they go there only. The channels offered and the one chosen are read from the store on every press.
import { Composer, InlineKeyboard } from "grammy";
import { otherChannel } from "../../domain/channels";
import { channelOf, chooseNotifyChannel, notifyChoiceOf } from "../../store/member-accounts";
import { notifyChoice } from "../kit/buttons";
import type { BotContext } from "../kit/context";
import { onButton } from "../kit/on-button";

export function notifyChannelFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command("notify", async (ctx) => {
    const choice = await notifyChoiceOf(ctx.deps.db, ctx.identity.userId);
    const name = (channel: string) => ctx.t(`channel.${channel}`);
    if (!choice || choice.channels.length < 2) {
      const only = choice?.chosen ?? channelOf(ctx.identity.telegramId);
      const served = ctx.deps.channels ?? { telegram: true, zalo: false };
      const lines = [ctx.t("notify.single", { channel: name(only) })];
      if (served.telegram && served.zalo) lines.push(ctx.t("notify.single_how", { other: name(otherChannel(only)) }));
      return void (await ctx.reply(lines.join("\n\n")));
    }
    const keyboard = new InlineKeyboard();
    for (const channel of choice.channels) {
      keyboard.text(`${name(channel)}${channel === choice.chosen ? " ✓" : ""}`, notifyChoice.pack({ channel }));
    }
    await ctx.reply(ctx.t("notify.choose", { channel: name(choice.chosen) }), { reply_markup: keyboard });
  });
  onButton(feature, notifyChoice, async (ctx, { channel }) => {
    await ctx.answerCallbackQuery();
    const words = { channel: ctx.t(`channel.${channel}`) };
    // Only a channel the person has an account on: the button's data is what anyone can type on Zalo.
    if (!(await chooseNotifyChannel(ctx.deps.db, ctx.identity.userId, channel, ctx.deps.clock()))) {
      return void (await ctx.reply(ctx.t("notify.unbound", words)));
    }
    await ctx.editMessageText(ctx.t("notify.changed", words));
  });
  return feature;
}

// Zalo Bot Platform's update, as ../shared/spec/ZALO.md describes it (both shapes where sources disagree).
import { z } from "zod";

const zaloUser = z.object({
  id: z.string().min(1),
  display_name: z.string().optional(),
  name: z.string().optional(),
  first_name: z.string().optional(),
  is_bot: z.boolean().optional(),
});

export const zaloUpdateSchema = z.object({
  event_name: z.string().min(1),
  message: z.object({
    message_id: z.string().min(1),
    date: z.number(),
    from: zaloUser,
    chat: z.object({ id: z.string().min(1), chat_type: z.string().optional() }),
    text: z.string().optional(),
    caption: z.string().optional(),
  }),
});

export type ZaloUpdate = z.infer<typeof zaloUpdateSchema>;

/** A getUpdates result or a webhook body: the bare update, or wrapped in `{ok, result}`. */
export function readZaloUpdate(body: unknown): ZaloUpdate | null {
  const inner = (body as { result?: unknown } | null)?.result ?? body;
  const parsed = zaloUpdateSchema.safeParse(inner);
  return parsed.success ? parsed.data : null;
}

export const zaloEventKey = (update: ZaloUpdate): string => `${update.event_name}:${update.message.message_id}`;

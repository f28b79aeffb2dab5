// A document a person sent, downloaded from the Bot API with its size checked before and while reading.
import type { BotContext } from "./context";

const TELEGRAM_API = "https://api.telegram.org";

/** The file's bytes; a file whose size the message did not give is still refused above the limit. */
export async function downloadBytes(ctx: BotContext, fileId: string, maxBytes: number): Promise<Uint8Array | "too-big" | "download"> {
  try {
    const file = await ctx.api.getFile(fileId);
    if ((file.file_size ?? 0) > maxBytes) return "too-big";
    if (!file.file_path) return "download";
    const apiRoot = ctx.api.options?.apiRoot ?? TELEGRAM_API;
    const response = await fetch(`${apiRoot}/file/bot${ctx.api.token}/${file.file_path}`);
    if (!response.ok) return "download";
    if (Number(response.headers.get("content-length") ?? 0) > maxBytes) {
      await response.body?.cancel();
      return "too-big";
    }
    const bytes = await response.arrayBuffer();
    return bytes.byteLength > maxBytes ? "too-big" : new Uint8Array(bytes);
  } catch (error) {
    ctx.deps.log.warn({ code: (error as { error_code?: number }).error_code }, "file download failed");
    return "download";
  }
}

/** An error the emulated Bot API answers with `{ ok: false, ... }` and the same HTTP status. */
export class TelegramApiError extends Error {
  constructor(
    readonly errorCode: number,
    readonly description: string,
    readonly parameters?: { retry_after?: number; migrate_to_chat_id?: number },
  ) {
    super(description);
  }

  toResponseBody(): object {
    const body: Record<string, unknown> = { ok: false, error_code: this.errorCode, description: this.description };
    if (this.parameters) body.parameters = this.parameters;
    return body;
  }
}

export const badRequest = (reason: string) => new TelegramApiError(400, `Bad Request: ${reason}`);
export const unauthorized = () => new TelegramApiError(401, "Unauthorized");
export const forbidden = (reason: string) => new TelegramApiError(403, `Forbidden: ${reason}`);
export const notFound = (reason: string) => new TelegramApiError(404, `Not Found: ${reason}`);
export const conflict = (reason: string) => new TelegramApiError(409, `Conflict: ${reason}`);
export const tooManyRequests = (retryAfter: number) =>
  new TelegramApiError(429, `Too Many Requests: retry after ${retryAfter}`, { retry_after: retryAfter });

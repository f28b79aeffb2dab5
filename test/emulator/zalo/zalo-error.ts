/** An error the emulated Zalo Bot API answers with `{ ok: false, error_code, description }`. */
export class ZaloApiError extends Error {
  constructor(
    readonly errorCode: number,
    readonly description: string,
  ) {
    super(description);
  }

  toResponseBody(): object {
    return { ok: false, error_code: this.errorCode, description: this.description };
  }
}

export const badRequest = (reason: string) => new ZaloApiError(400, reason);
export const invalidApiName = () => new ZaloApiError(400, "invalid API name");
export const unauthorized = () => new ZaloApiError(401, "Unauthorized");
export const notFound = () => new ZaloApiError(404, "Not Found");
export const noUpdate = () => new ZaloApiError(408, "Request timeout: no update");
export const conflict = (reason: string) => new ZaloApiError(409, reason);
export const payloadTooLarge = () => new ZaloApiError(413, "Request entity too large");
export const dailyLimit = () => new ZaloApiError(426, "testWebhook daily limit reached");

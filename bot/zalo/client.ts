// Zalo Bot API calls: POST `{apiRoot}/bot{token}/{method}` with a JSON body; the answer is read from the JSON body
// whatever the HTTP status (../shared/spec/ZALO.md). Zalo's send rate is not documented: sends are spaced (one
// every `sendGapMs` for the whole bot) and a non-ok answer that may pass later (429, 5xx, a network fault) is tried
// again a bounded number of times with a growing pause. A refusal that will not change (400, 401, 403, 404, 413)
// is returned at once.

export type ZaloAnswer = { ok: true; result?: unknown } | { ok: false; error_code: number; description: string };

export type ZaloClientOptions = {
  token: string;
  /** Default https://bot-api.zaloplatforms.com; tests use the local emulator. */
  apiRoot?: string;
  /** The least time between two sends (sendMessage and the like), for the whole bot. */
  sendGapMs?: number;
  /** Pauses before each retry of a send; their number bounds the retries. */
  retryDelaysMs?: readonly number[];
  fetch?: typeof fetch;
};

const FINAL_CODES = new Set([400, 401, 403, 404, 413]);
const NETWORK_FAULT = -1;

export type ZaloClient = {
  /** One call, no retry (getUpdates: its loop decides what a failure means). */
  call(method: string, body: Record<string, unknown>, signal?: AbortSignal): Promise<ZaloAnswer>;
  /** A send: spaced from the others, retried while the answer may change. */
  send(method: string, body: Record<string, unknown>): Promise<ZaloAnswer>;
};

export function createZaloClient(options: ZaloClientOptions): ZaloClient {
  const root = (options.apiRoot ?? "https://bot-api.zaloplatforms.com").replace(/\/$/, "");
  const doFetch = options.fetch ?? fetch;
  const gap = options.sendGapMs ?? 50;
  const retryDelays = options.retryDelaysMs ?? [500, 1_000, 2_000, 4_000];
  let nextSendAt = 0;

  async function call(method: string, body: Record<string, unknown>, signal?: AbortSignal): Promise<ZaloAnswer> {
    try {
      const response = await doFetch(`${root}/bot${options.token}/${method}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
        signal,
      });
      const answer = (await response.json().catch(() => null)) as ZaloAnswer | null;
      if (answer && typeof answer.ok === "boolean") return answer;
      return { ok: false, error_code: response.status, description: "unreadable answer" };
    } catch (error) {
      if (signal?.aborted) throw error;
      return { ok: false, error_code: NETWORK_FAULT, description: (error as Error).name };
    }
  }

  /** Waits for this send's turn: sends leave at least `gap` apart, in the order they asked. */
  async function turn(): Promise<void> {
    const now = Date.now();
    const at = Math.max(now, nextSendAt);
    nextSendAt = at + gap;
    if (at > now) await new Promise((resolve) => setTimeout(resolve, at - now));
  }

  async function send(method: string, body: Record<string, unknown>): Promise<ZaloAnswer> {
    for (let attempt = 0; ; attempt++) {
      await turn();
      const answer = await call(method, body);
      if (answer.ok || FINAL_CODES.has(answer.error_code) || attempt >= retryDelays.length) return answer;
      await new Promise((resolve) => setTimeout(resolve, retryDelays[attempt]));
    }
  }

  return { call, send };
}

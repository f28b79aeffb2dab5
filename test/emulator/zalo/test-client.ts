import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { ZaloEmulator, type ZaloEmulatorOptions } from "./zalo-emulator.js";

/** What a raw client sees: the HTTP status and the JSON body (Zalo's answer is read whatever the status). */
export type RawAnswer = { status: number; body: any };

/** Test helpers for the emulator's own tests: a bare fetch client and a webhook receiver. */
export class ZaloTestKit {
  private readonly cleanups: Array<() => Promise<void>> = [];

  async emulator(opts?: ZaloEmulatorOptions): Promise<ZaloEmulator> {
    const emulator = await ZaloEmulator.start(opts);
    this.cleanups.push(() => emulator.stop());
    return emulator;
  }

  /** A webhook endpoint on 127.0.0.1 that records each POST and answers `status` (200 by default). */
  async receiver(status = 200): Promise<{ url: string; received: Array<{ headers: IncomingHttpHeaders; body: any }> }> {
    const received: Array<{ headers: IncomingHttpHeaders; body: any }> = [];
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        received.push({ headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString("utf8")) });
        res.writeHead(status).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
    this.cleanups.push(() => new Promise((resolve) => server.close(() => resolve())));
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/zalo`, received };
  }

  async cleanup(): Promise<void> {
    while (this.cleanups.length > 0) await this.cleanups.pop()!();
  }
}

export async function call(emulator: ZaloEmulator, method: string, body?: unknown, token = emulator.token): Promise<RawAnswer> {
  return rawPost(`${emulator.apiRoot}/bot${token}/${method}`, body === undefined ? "" : JSON.stringify(body));
}

export async function rawPost(url: string, body: string | FormData, signal?: AbortSignal): Promise<RawAnswer> {
  const headers: Record<string, string> = typeof body === "string" ? { "content-type": "application/json" } : {};
  const response = await fetch(url, { method: "POST", headers, body, signal });
  return { status: response.status, body: await response.json() };
}

import type { IncomingMessage, ServerResponse } from "node:http";
import { badRequest, payloadTooLarge } from "./zalo-error.js";

/** Zalo answers 413 above 1 MiB. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Reads the whole body (draining it even when too large, so the client reads the 413 instead of a reset). */
export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on("end", () => (size > MAX_BODY_BYTES ? reject(payloadTooLarge()) : resolve(Buffer.concat(chunks))));
    req.on("error", reject);
  });
}

/** The body as a JSON object; an empty body is `{}`. Form data and uploads are not JSON: 400. */
export function parseJsonObject(body: Buffer): Record<string, any> {
  if (body.length === 0) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString("utf8"));
  } catch {
    throw badRequest("invalid JSON body");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw badRequest("the body must be a JSON object");
  return parsed as Record<string, any>;
}

export function sendJson(res: ServerResponse, status: number, body: object): void {
  if (res.writableEnded || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

/** Calls back when the client hangs up before the answer was written (a stopped long poll). */
export function onHangUp(res: ServerResponse, callback: () => void): void {
  res.on("close", () => {
    if (!res.writableEnded) callback();
  });
}

import type { IncomingMessage, ServerResponse } from "node:http";
import { parseMultipart } from "./multipart.js";

/** Fields that Telegram accepts as JSON-serialized strings in form/query payloads. */
const JSON_FIELDS = new Set([
  "reply_markup",
  "entities",
  "caption_entities",
  "reply_parameters",
  "link_preview_options",
  "commands",
  "scope",
  "menu_button",
  "allowed_updates",
  "media",
]);

export async function readPayload(req: IncomingMessage, url: URL): Promise<Record<string, any>> {
  const payload: Record<string, any> = {};
  for (const [key, value] of url.searchParams) payload[key] = coerceField(key, value);
  const body = await readBody(req);
  if (body.length === 0) return payload;
  const contentType = req.headers["content-type"] ?? "";
  if (contentType.includes("application/json")) return Object.assign(payload, JSON.parse(body.toString("utf8")));
  if (contentType.includes("multipart/form-data")) return Object.assign(payload, multipartPayload(body, contentType));
  if (contentType.includes("application/x-www-form-urlencoded")) {
    for (const [key, value] of new URLSearchParams(body.toString("utf8"))) payload[key] = coerceField(key, value);
  }
  return payload;
}

/** grammY sends `document: "attach://<id>"` plus a file part named `<id>`; put the file in place. */
function multipartPayload(body: Buffer, contentType: string): Record<string, any> {
  const { fields, files } = parseMultipart(body, contentType);
  const payload: Record<string, any> = {};
  for (const [key, value] of Object.entries(fields)) {
    const attached = value.startsWith("attach://") ? files[value.slice("attach://".length)] : undefined;
    payload[key] = attached ?? coerceField(key, value);
  }
  for (const [key, file] of Object.entries(files)) {
    if (!Object.values(fields).includes(`attach://${key}`)) payload[key] = file; // e.g. curl -F document=@report.docx
  }
  return payload;
}

function coerceField(key: string, value: string): unknown {
  if (!JSON_FIELDS.has(key)) return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

export function sendJson(res: ServerResponse, status: number, body: object): void {
  if (res.writableEnded || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

/** Lets a long poll notice that grammY aborted it (bot.stop()). */
export function onClientGone(res: ServerResponse): (callback: () => void) => void {
  return (callback) =>
    res.on("close", () => {
      if (!res.writableEnded) callback();
    });
}

// Zalo takes no files: a document (an export, a member's own review) is sent as a link to the bot's own file server.
// Each link is for one recipient (sent only to that chat), never guessable (144 random bits; only its SHA-256 is
// kept), short-lived (minutes) and single-use: the first download removes it. The server serves these links and
// nothing else, and keeps the files in memory only: after a restart the links are gone (they would have expired
// anyway), and the member asks again. It speaks plain HTTP on its port: put it behind the HTTPS proxy that serves
// ZALO_FILES_URL (the public base of the links must be HTTPS; bot/config.ts checks it).
import { createHash, randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export const FILE_LINK_MINUTES = 10;

type Held = { name: string; bytes: Uint8Array; recipient: number; expiresAt: number };

export type FileLinks = {
  /** A link to the file for the one chat it is sent to. */
  issue(recipient: number, name: string, bytes: Uint8Array): string;
  listen(port: number, host?: string): Promise<number>;
  stop(): Promise<void>;
};

const digest = (token: string) => createHash("sha256").update(token).digest("hex");

export function createFileLinks(options: { baseUrl: string; now?: () => number; minutes?: number }): FileLinks {
  const base = options.baseUrl.replace(/\/$/, "");
  const basePath = new URL(base).pathname.replace(/\/$/, "");
  const now = options.now ?? Date.now;
  const ttl = (options.minutes ?? FILE_LINK_MINUTES) * 60_000;
  const held = new Map<string, Held>();
  let server: Server | undefined;

  function take(token: string): Held | undefined {
    for (const [key, file] of held) if (file.expiresAt <= now()) held.delete(key); // expired: gone for good
    const key = digest(token);
    const file = held.get(key);
    held.delete(key); // single use
    return file;
  }

  return {
    issue(recipient, name, bytes) {
      const token = randomBytes(18).toString("base64url");
      held.set(digest(token), { name, bytes, recipient, expiresAt: now() + ttl });
      return `${base}/${token}`;
    },
    async listen(port, host = "0.0.0.0") {
      server = createServer((req, res) => {
        const match = req.method === "GET" && req.url?.startsWith(`${basePath}/`) ? req.url.slice(basePath.length + 1) : "";
        const file = /^[A-Za-z0-9_-]{24}$/.test(match) ? take(match) : undefined;
        if (!file) return void res.writeHead(404, { "cache-control": "no-store" }).end();
        res.writeHead(200, {
          "content-type": "application/octet-stream",
          "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`,
          "cache-control": "no-store",
          "content-length": file.bytes.length,
        });
        res.end(file.bytes);
      });
      await new Promise<void>((resolve) => server!.listen(port, host, resolve));
      return (server.address() as AddressInfo).port;
    },
    stop: () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
  };
}

/** The bytes of a grammY InputFile (a buffer, a stream or a path). */
export async function bytesOf(file: {
  toRaw(): Promise<Uint8Array | Iterable<Uint8Array> | AsyncIterable<Uint8Array>>;
}): Promise<Uint8Array> {
  const raw = await file.toRaw();
  if (raw instanceof Uint8Array) return raw;
  const chunks: Uint8Array[] = [];
  for await (const chunk of raw as AsyncIterable<Uint8Array>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ensurePrivateEnvFile } from "./env-file";

const modeOf = (file: string) => statSync(file).mode & 0o777;

describe(".env is readable by its owner only", () => {
  let dir: string;
  let umask: number;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "kiemdiem-env-"));
    umask = process.umask(0o022);
  });
  afterEach(() => {
    process.umask(umask);
    rmSync(dir, { recursive: true, force: true });
  });

  it("is created 0600 from .env.example when missing", () => {
    writeFileSync(path.join(dir, ".env.example"), "BOT_TOKEN=\n");
    expect(ensurePrivateEnvFile(dir)).toBe("created");
    expect(readFileSync(path.join(dir, ".env"), "utf8")).toBe("BOT_TOKEN=\n");
    expect(modeOf(path.join(dir, ".env"))).toBe(0o600);
  });

  it("an existing .env readable by everyone is made 0600, its content kept", () => {
    writeFileSync(path.join(dir, ".env"), "BOT_TOKEN=1:secret\n");
    chmodSync(path.join(dir, ".env"), 0o644);
    expect(ensurePrivateEnvFile(dir)).toBe("made-private");
    expect(modeOf(path.join(dir, ".env"))).toBe(0o600);
    expect(readFileSync(path.join(dir, ".env"), "utf8")).toBe("BOT_TOKEN=1:secret\n");
    expect(ensurePrivateEnvFile(dir)).toBe("unchanged");
  });
});

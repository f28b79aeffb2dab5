import { randomBytes } from "node:crypto";

/** A hex-like id as Zalo gives users, chats and messages (`"e4ea2cd5189df1c3a88c"`). */
export function hexId(): string {
  return randomBytes(10).toString("hex");
}

/** A numeric-like bot id (`"1459232241454765289"`): 19 digits, never starting with 0. */
export function numericId(): string {
  const digits = Array.from(randomBytes(18), (byte) => String(byte % 10)).join("");
  return `1${digits}`;
}

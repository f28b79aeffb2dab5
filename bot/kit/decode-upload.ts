// The text of an uploaded file in whatever encoding a spreadsheet saved it: UTF-8 (with or without a mark), UTF-16
// or the Windows Vietnamese code page. Text that still does not read cleanly is refused, never imported garbled.
import iconv from "iconv-lite";
import { detectTextEncoding, hasUndecodedCharacters } from "../../domain/text-encoding";

/** The decoded text in NFC (Windows-1258 writes tones as combining marks), or null when it cannot be read. */
export function decodeUpload(bytes: Uint8Array): string | null {
  const { encoding, skip } = detectTextEncoding(bytes);
  const body = bytes.subarray(skip);
  const text = encoding === "windows-1258" ? iconv.decode(Buffer.from(body), "windows1258") : new TextDecoder(encoding).decode(body);
  const composed = text.normalize("NFC");
  return hasUndecodedCharacters(composed) ? null : composed;
}

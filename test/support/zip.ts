// Opening the documents in tests: one entry of the zip (bot/documents/zip-entry.ts), a DOCX's visible text.
import { readZipEntry } from "../../bot/documents/zip-entry";

export { readZipEntry };

export function docxText(docx: Buffer): string {
  const xml = readZipEntry(docx, "word/document.xml");
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => m[1])
    .join(" ")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'");
}

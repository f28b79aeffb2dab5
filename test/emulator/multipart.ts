/**
 * Lenient multipart/form-data parser.
 *
 * Why not `Request.formData()`: grammY writes part headers as
 * `content-disposition:form-data;name="x";filename=a b.txt` (no spaces, unquoted
 * filename), which Node 20's undici parser rejects with "Failed to parse body as FormData".
 */
export type UploadedFile = { fileName: string; bytes: Buffer; mimeType: string };
export type MultipartBody = { fields: Record<string, string>; files: Record<string, UploadedFile> };

export function parseMultipart(body: Buffer, contentType: string): MultipartBody {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  if (!boundary) throw new Error("multipart body without boundary");
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const result: MultipartBody = { fields: {}, files: {} };
  for (const part of splitParts(body, delimiter)) addPart(result, part);
  return result;
}

function splitParts(body: Buffer, delimiter: Buffer): Buffer[] {
  const parts: Buffer[] = [];
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const contentStart = start + delimiter.length;
    if (body.subarray(contentStart, contentStart + 2).toString() === "--") break; // closing delimiter
    const next = body.indexOf(delimiter, contentStart);
    if (next === -1) break;
    // Each part sits between "\r\n" after the delimiter and "\r\n" before the next one.
    parts.push(body.subarray(contentStart + 2, next - 2));
    start = next;
  }
  return parts;
}

function addPart(result: MultipartBody, part: Buffer): void {
  const headerEnd = part.indexOf("\r\n\r\n");
  if (headerEnd === -1) return;
  const headers = part.subarray(0, headerEnd).toString("utf8");
  const content = part.subarray(headerEnd + 4);
  const name = /(?:^|[;\s])name="([^"]*)"/i.exec(headers)?.[1];
  if (name === undefined) return;
  const fileName = /filename=(?:"([^"]*)"|([^\r\n]*))/i.exec(headers); // grammY: unquoted, up to end of line
  if (!fileName) {
    result.fields[name] = content.toString("utf8");
    return;
  }
  const mimeType = /content-type:\s*([^;\r\n]+)/i.exec(headers)?.[1]?.trim() ?? "application/octet-stream";
  result.files[name] = { fileName: (fileName[1] ?? fileName[2]).trim(), bytes: Buffer.from(content), mimeType };
}

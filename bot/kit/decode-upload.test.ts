import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeUpload } from "./decode-upload";

const CSV = "name;kind\r\nPhạm Thị Dung;chính thức\r\n";

describe("decodeUpload", () => {
  it("reads UTF-8 with and without a byte order mark", () => {
    expect(decodeUpload(Buffer.from(CSV))).toBe(CSV);
    expect(decodeUpload(Buffer.from(`\uFEFF${CSV}`))).toBe(CSV);
  });

  it("reads UTF-16 little- and big-endian, with a mark or by its NUL bytes", () => {
    const le = Buffer.from(CSV, "utf16le");
    expect(decodeUpload(Buffer.concat([Buffer.from([0xff, 0xfe]), le]))).toBe(CSV);
    expect(decodeUpload(le)).toBe(CSV);
    const be = Buffer.from(le).swap16();
    expect(decodeUpload(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toBe(CSV);
    expect(decodeUpload(be)).toBe(CSV);
  });

  it("reads Windows-1258, whose tones are combining marks, as composed letters", () => {
    // As Excel writes it: base letters (ư, â…) precomposed, the tone as a combining mark after them.
    const bytes = iconv.encode("name;kind\r\nPha\u0323m Thi\u0323 Dung;chi\u0301nh thư\u0301c\r\n", "windows1258");
    expect(bytes.includes(0xf2)).toBe(true); // the combining dot below: the tone really is a separate byte
    expect(decodeUpload(bytes)).toBe(CSV);
  });

  it("refuses bytes that no encoding reads cleanly", () => {
    expect(decodeUpload(Buffer.from([0x41, 0x81, 0x8d, 0x42]))).toBeNull();
    expect(decodeUpload(Buffer.from([0x41, 0x01, 0x02, 0x42]))).toBeNull();
  });
});

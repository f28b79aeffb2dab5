// A small RFC 4180 reader: quoted fields, "" inside quotes, commas and line breaks inside quotes, CRLF, a BOM.
// The delimiter is "," or ";" (spreadsheets in a Vietnamese locale often save ";") or a tab (saved as "Unicode
// text"), taken from the header line.

export type CsvRecord = { line: number; fields: string[] };

export type CsvDelimiter = "," | ";" | "\t";

/** The delimiter the header line uses most; a comma when it has none. */
export function detectDelimiter(text: string): CsvDelimiter {
  const header = text.split(/\r?\n/, 1)[0] ?? "";
  const count = (ch: string) => header.split(ch).length - 1;
  const candidates: CsvDelimiter[] = ["\t", ";", ","];
  return candidates.reduce((best, ch) => (count(ch) > count(best) ? ch : best), ",");
}

/** Records with the 1-based line each starts on; blank lines are skipped. */
export function parseCsv(input: string, delimiter = detectDelimiter(input)): CsvRecord[] {
  return [...csvRecords(input, delimiter)];
}

/** The records one by one, so a caller can stop early or pause between them. */
export function* csvRecords(input: string, delimiter = detectDelimiter(input)): Generator<CsvRecord, void> {
  const text = input.startsWith("\uFEFF") ? input.slice(1) : input;
  let fields: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  /** The record just ended, or null for a blank line. */
  const endRecord = (): CsvRecord | null => {
    fields.push(field);
    const record = fields.length > 1 || fields[0]!.trim() !== "" ? { line: recordLine, fields } : null;
    fields = [];
    field = "";
    recordLine = line;
    return record;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === "\n") line++;
        field += ch;
      }
    } else if (ch === '"' && field.trim() === "") {
      quoted = true;
      field = "";
    } else if (ch === delimiter) {
      fields.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      line++;
      const record = endRecord();
      if (record) yield record;
    } else field += ch;
  }
  const last = field !== "" || fields.length > 0 ? endRecord() : null;
  if (last) yield last;
}

// Small building blocks shared by the DOCX papers: headings, plain paragraphs, tables and the signature row.
// Every text goes through `run`, which drops what XML 1.0 forbids (U+FFFE, U+FFFF, controls): names stored before
// they were cleaned on input, or free text, must not make the whole document unreadable.
import { AlignmentType, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, BorderStyle } from "docx";
import { withoutForbiddenCharacters } from "../../domain/text";

export const FONT = "Times New Roman";

function run(value: string | number, options: { bold?: boolean; italic?: boolean; size: number }): TextRun {
  return new TextRun({
    text: withoutForbiddenCharacters(String(value)),
    bold: options.bold,
    italics: options.italic,
    font: FONT,
    size: options.size,
  });
}

export function text(value: string, options: { bold?: boolean; italic?: boolean; center?: boolean; size?: number } = {}): Paragraph {
  return new Paragraph({
    alignment: options.center ? AlignmentType.CENTER : AlignmentType.LEFT,
    children: [run(value, { ...options, size: options.size ?? 26 })],
  });
}

/** Multi-line text keeps its line breaks (a self-review is written in paragraphs). */
export function paragraphs(value: string): Paragraph[] {
  return value.split(/\r?\n/).map((line) => text(line));
}

export function table(header: string[], rows: Array<Array<string | number>>): Table {
  const cell = (value: string | number, bold = false) =>
    new TableCell({ children: [new Paragraph({ children: [run(value, { bold, size: 22 })] })] });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }),
      ...rows.map((r) => new TableRow({ children: r.map((v) => cell(v)) })),
    ],
  });
}

/** Places to sign: one column per signer, title above the hint. */
export function signatures(titles: string[], hint: string): Table {
  const none = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
  const borders = { top: none, bottom: none, left: none, right: none };
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        children: titles.map(
          (title) =>
            new TableCell({
              borders,
              children: [
                // A title may hold lines ("T/M CHI ỦY" above "BÍ THƯ"): one paragraph each.
                ...title.split("\n").map((line) => text(line, { bold: true, center: true })),
                text(hint, { italic: true, center: true }),
                text(""),
                text(""),
                text(""),
              ],
            }),
        ),
      }),
    ],
  });
}

// Small building blocks shared by the DOCX papers: the A4 page, plain paragraphs and tables.
// Every text goes through `run`, which drops what XML 1.0 forbids (U+FFFE, U+FFFF, controls): names stored before
// they were cleaned on input, or free text, must not make the whole document unreadable.
import {
  AlignmentType,
  BorderStyle,
  type ISectionOptions,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from "docx";
import { withoutForbiddenCharacters } from "../../domain/text";

/** On every Vietnamese office PC; LibreOffice substitutes the metric-compatible Liberation Serif, both with diacritics. */
export const FONT = "Times New Roman";
/** Half-points: 13 pt for the text of a party document, 11 pt inside tables, 10 pt for a table's header. */
export const BODY_SIZE = 26;
export const TABLE_SIZE = 22;
const HEADER_SIZE = 20;

// A4 in twips (1/1440 inch), margins of a party document: 20 mm top and bottom, 30 mm left (binding), 15 mm right.
const A4 = { width: 11906, height: 16838 };
const MARGIN = { top: 1134, bottom: 1134, left: 1701, right: 851 };

export type Orientation = "portrait" | "landscape";

/** What a line of text may hold between the margins, in twips. */
export function usableWidth(orientation: Orientation): number {
  return (orientation === "portrait" ? A4.width : A4.height) - MARGIN.left - MARGIN.right;
}

export function a4Section(orientation: Orientation, children: ISectionOptions["children"]): ISectionOptions {
  const landscape = orientation === "landscape" ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT;
  return { properties: { page: { size: { ...A4, orientation: landscape }, margin: MARGIN } }, children };
}

/** Empty paragraphs and table defaults use the same font as the runs. */
export const DOCUMENT_STYLES = { default: { document: { run: { font: FONT, size: BODY_SIZE } } } };

export type TextOptions = { bold?: boolean; italic?: boolean; underline?: boolean; size?: number };

export function run(value: string | number, options: TextOptions = {}): TextRun {
  return new TextRun({
    text: withoutForbiddenCharacters(String(value)),
    bold: options.bold,
    italics: options.italic,
    underline: options.underline ? {} : undefined,
    font: FONT,
    size: options.size ?? BODY_SIZE,
  });
}

type Align = "left" | "center" | "right" | "justify";
const ALIGNMENT = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT, justify: AlignmentType.JUSTIFIED };

export function text(
  value: string,
  options: TextOptions & { align?: Align; center?: boolean; keepNext?: boolean; before?: number; after?: number; indent?: boolean } = {},
): Paragraph {
  return new Paragraph({
    alignment: ALIGNMENT[options.center ? "center" : (options.align ?? "left")],
    keepNext: options.keepNext,
    spacing: { before: options.before, after: options.after ?? 0 },
    indent: options.indent ? { firstLine: 567 } : undefined,
    children: value === "" ? [] : [run(value, options)],
  });
}

/** Multi-line text keeps its line breaks (a self-review is written in paragraphs), justified with a first-line indent. */
export function paragraphs(value: string): Paragraph[] {
  return value.split(/\r?\n/).map((line) => text(line, { align: "justify", indent: true, after: 60 }));
}

const NONE = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
const CELL_WITHOUT_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE };
const TABLE_WITHOUT_BORDERS = { ...CELL_WITHOUT_BORDERS, insideHorizontal: NONE, insideVertical: NONE };

/** The columns' widths in twips: `shares` (percentages) of `width`. */
export function columnsOf(width: number, shares: number[]): number[] {
  return shares.map((share) => Math.floor((width * share) / 100));
}

/** 1 mm each side (Word's default is about 2): narrow count columns keep their headers' words whole. */
export const CELL_MARGIN = 57;

/**
 * A fixed-layout table of `width` twips shared by `shares` (percentages); a row never splits across pages.
 * Borderless tables place the two sides of a letterhead or the signature blocks.
 */
export function layoutTable(width: number, shares: number[], rows: Array<{ cells: Paragraph[][]; header?: boolean }>, borderless = false) {
  const columnWidths = columnsOf(width, shares);
  const cell = (children: Paragraph[], i: number) =>
    new TableCell({
      children,
      borders: borderless ? CELL_WITHOUT_BORDERS : undefined,
      width: { size: columnWidths[i]!, type: WidthType.DXA },
      verticalAlign: VerticalAlign.TOP,
      margins: { left: CELL_MARGIN, right: CELL_MARGIN },
    });
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths,
    layout: TableLayoutType.FIXED,
    borders: borderless ? TABLE_WITHOUT_BORDERS : undefined,
    rows: rows.map((row) => new TableRow({ tableHeader: row.header, cantSplit: true, children: row.cells.map(cell) })),
  });
}

/** A data table: a bold header repeated on every page; counts and the `centred` columns centred, text left. */
export function table(
  header: string[],
  rows: Array<Array<string | number>>,
  width: number,
  shares: number[],
  centred: number[] = [],
): Table {
  const line = (value: string | number, column: number, bold = false) => [
    new Paragraph({
      alignment: typeof value === "number" || bold || centred.includes(column) ? AlignmentType.CENTER : AlignmentType.LEFT,
      children: [run(value, { bold, size: bold ? HEADER_SIZE : TABLE_SIZE })],
    }),
  ];
  return layoutTable(width, shares, [
    { header: true, cells: header.map((h, i) => line(h, i, true)) },
    ...rows.map((r) => ({ cells: r.map((v, i) => line(v, i)) })),
  ]);
}

// A member's own filled self-review as DOCX, to print and sign (M4: the four contents, the Ho Chi Minh actions and
// the self-rating), in the party's layout under the member's branch. Personal data: generated on request for the
// member only, never stored or logged.
import { Document, Packer } from "docx";
import type { Issuer } from "../../store/documents-data";
import type { ReviewRow } from "../../store/reviews";
import type { Translate } from "../kit/i18n";
import { a4Section, DOCUMENT_STYLES, paragraphs, text, usableWidth } from "./docx-parts";
import { letterhead, signatureBlocks, title } from "./letterhead";

const PORTRAIT = usableWidth("portrait");

export async function selfReviewDocx(
  t: Translate,
  input: { review: ReviewRow; fullName: string; issuer: Issuer; year: number },
): Promise<Buffer> {
  const { review } = input;
  const parts: Array<[string, string | null]> = [
    ["a", review.contents.a],
    ["b", review.contents.b],
    ["c", review.contents.c],
    ["d", review.contents.d],
    ["hcm", review.hcmActions],
    ["rating", review.selfRating ? t(`rating.level.${review.selfRating}`) : null],
  ];
  const doc = new Document({
    styles: DOCUMENT_STYLES,
    sections: [
      a4Section("portrait", [
        letterhead(t, input.issuer, PORTRAIT),
        ...title(t("docs.review_title", { year: input.year })),
        text(t("docs.review_name", { name: input.fullName }), { after: 120 }),
        ...parts.flatMap(([key, value]) => [
          text(t(`docs.review_part.${key}`), { bold: true, keepNext: true, after: 60 }),
          ...paragraphs(value ?? t("docs.not_written")),
        ]),
        ...signatureBlocks(t, [{ lines: [t("docs.sign.author")], name: input.fullName }], PORTRAIT),
      ]),
    ],
  });
  return Packer.toBuffer(doc);
}

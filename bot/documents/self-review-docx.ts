// A member's own filled self-review as DOCX, to print and sign (M4: the four contents, the Ho Chi Minh actions and
// the self-rating). Personal data: generated on request for the member only, never stored or logged.
import { Document, Packer, Paragraph } from "docx";
import type { ReviewRow } from "../../store/reviews";
import type { Translate } from "../kit/i18n";
import { paragraphs, signatures, text } from "./docx-parts";

export async function selfReviewDocx(
  t: Translate,
  input: { review: ReviewRow; fullName: string; orgName: string; year: number },
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
    sections: [
      {
        children: [
          text(t("docs.party"), { bold: true, center: true }),
          text(t("docs.review_title", { year: input.year }), { bold: true, center: true }),
          new Paragraph(""),
          text(t("docs.review_name", { name: input.fullName })),
          text(t("docs.org", { org: input.orgName })),
          ...parts.flatMap(([key, value]) => [
            text(t(`docs.review_part.${key}`), { bold: true }),
            ...paragraphs(value ?? t("docs.not_written")),
          ]),
          new Paragraph(""),
          signatures([t("docs.sign.author")], t("docs.sign.hint")),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

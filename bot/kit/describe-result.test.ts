import { describe, expect, it } from "vitest";
import { REVIEW_ZONE } from "../../test/support/time-zone";
import {
  CAP_RESOLUTION_ERRORS,
  L4_GROUNDS,
  MEMBER_LEVELS,
  ORG_LEVELS,
  ORG_SCORE_CONDITIONS,
  MEMBER_OUTCOME_KINDS,
  REASON_CODES,
  RESULT_ERROR_CODES,
  RESULT_STATES,
  TALLY_ERROR_CODES,
  reason,
} from "../../domain";
import { describeReason } from "./describe-result";
import { LANGUAGES, hasTranslation, translatorFor } from "./i18n";

describe("every domain code has words in both languages", () => {
  const keys = [
    ...REASON_CODES.map((c) => `reason.${c}`),
    ...[...TALLY_ERROR_CODES, ...RESULT_ERROR_CODES, ...CAP_RESOLUTION_ERRORS].map((c) => `error.${c}`),
    ...MEMBER_LEVELS.map((l) => `rating.level.${l}`),
    ...MEMBER_OUTCOME_KINDS.filter((k) => k !== "level").map((k) => `rating.outcome.${k}`),
    ...L4_GROUNDS.map((g) => `rating.ground.${g}`),
    ...RESULT_STATES.map((s) => `rating.state.${s}`),
    ...ORG_LEVELS.map((l) => `rating.org_level_score.${l}`),
    ...ORG_SCORE_CONDITIONS.map((c) => `rating.org_score_condition.${c}`),
  ];
  for (const lang of LANGUAGES)
    it(`has a translation for every reason, error, level, outcome, ground and state (${lang})`, () => {
      expect(keys.filter((key) => !hasTranslation(key, lang))).toEqual([]);
    });
});

describe("describeReason", () => {
  it("NO1, NO2: an organization rated by score has the 366 names of its levels and conditions; 2011's are unchanged", () => {
    const vi = translatorFor("vi");
    const say = (r: Parameters<typeof describeReason>[1]) => describeReason(vi, r, "vi", REVIEW_ZONE);
    expect(say(reason("org.score-band", { total: 95, level: "tsvm" }))).toBe("Tổng điểm 95: mức «Hoàn thành xuất sắc nhiệm vụ».");
    expect(say(reason("org.score-band", { total: 40, level: "weak" }))).toBe("Tổng điểm 40: mức «Không hoàn thành nhiệm vụ».");
    expect(say(reason("org.band", { total: 95, level: "tsvm" }))).toBe("Tổng điểm 95: mức «Trong sạch, vững mạnh».");
    expect(say(reason("org.score-condition-failed", { condition: "no-leader-disciplined" }))).toBe(
      "Chưa đủ điều kiện «Hoàn thành xuất sắc nhiệm vụ» (cần: trong năm không có thành viên cấp ủy, tập thể lãnh đạo bị thi hành kỷ luật).",
    );
    expect(say(reason("decision.differs", { proposed: "tsvm", note: "Vượt tỷ lệ." }))).toBe(
      "Cấp ủy cấp trên quyết định khác với mức tự xếp loại «Hoàn thành xuất sắc nhiệm vụ». Lý do: Vượt tỷ lệ.",
    );
    expect(say(reason("decision.differs", { proposed: "L1", note: "x" }))).toContain(
      "«Đủ tư cách, hoàn thành xuất sắc nhiệm vụ» của chi bộ",
    );
  });

  it("translates coded parameters: the level, the L4 ground and the discipline", () => {
    const vi = translatorFor("vi");
    expect(describeReason(vi, reason("vote.reached", { level: "L2", votes: 5, denominator: 9 }), "vi", REVIEW_ZONE)).toBe(
      "Được 5/9 đảng viên chính thức tán thành mức «Đủ tư cách, hoàn thành tốt nhiệm vụ».",
    );
    expect(describeReason(vi, reason("vote.l4-ground", { ground: "caused-disunity" }), "vi", REVIEW_ZONE)).toBe(
      "Căn cứ: Gây mất đoàn kết nội bộ.",
    );
    const en = translatorFor("en");
    expect(
      describeReason(en, reason("member.discipline", { level: "warning", source: "party", date: "2026-03-04" }), "en", REVIEW_ZONE),
    ).toBe(
      "Under a disciplinary measure during the review year (warning, party discipline, decided 04/03/2026): rated «Violated standards or did not complete duties».",
    );
    // M9: a decision recorded with its number is named by it; a day is shown as it is, whatever the zone.
    expect(
      describeReason(
        vi,
        reason("member.discipline", { level: "reprimand", source: "party", date: "2025-12-31", number: "15-QĐ/ĐU" }),
        "vi",
        { name: "America/New_York", offsetMinutes: -300 },
      ),
    ).toBe(
      "Đang chấp hành kỷ luật khiển trách (kỷ luật Đảng, quyết định số 15-QĐ/ĐU ngày 31/12/2025) trong năm kiểm điểm: xếp loại «Vi phạm tư cách hoặc không hoàn thành nhiệm vụ».",
    );
    // M9: the state's own forms print with the state as the source.
    expect(
      describeReason(
        vi,
        reason("member.discipline", { level: "salary-downgrade", source: "state", date: "2026-03-04T03:00:00.000Z" }),
        "vi",
        REVIEW_ZONE,
      ),
    ).toBe(
      "Đang chấp hành kỷ luật hạ bậc lương (kỷ luật chính quyền, quyết định ngày 04/03/2026) trong năm kiểm điểm: xếp loại «Vi phạm tư cách hoặc không hoàn thành nhiệm vụ».",
    );
  });
});

describe("the cap's reasons say the rulebook's share (M8, N6)", () => {
  const vi = translatorFor("vi");
  const words = (r: Parameters<typeof describeReason>[1], t = vi) => describeReason(t, r, "vi", REVIEW_ZONE);

  it("M8: a 2011 reason reads as before, with 15% from its parameter or, stored before it carried one, the 2011 share", () => {
    const before = reason("cap.committee-demoted", { cap: 2, base: 15, votes: 7, of: 10 });
    const now = reason("cap.committee-demoted", { cap: 2, base: 15, votes: 7, of: 10, percent: 15 });
    expect(words(before)).toBe(words(now));
    expect(words(now)).toBe(
      "Số đảng viên hoàn thành xuất sắc nhiệm vụ trong toàn đảng bộ không được vượt quá 15% (tối đa 2 trong số 15 đảng viên hoàn thành tốt nhiệm vụ trở lên ở các chi bộ); với 7/10 phiếu xuất sắc, đảng ủy xếp đồng chí ở mức «Đủ tư cách, hoàn thành tốt nhiệm vụ».",
    );
    expect(words(reason("cap.demoted", { cap: 2, base: 14, votes: 7 }))).toContain("không được vượt quá 15%");
  });

  it("N6: a 366 reason says 20% or 25%, the points, and the open points that set the figure", () => {
    const params = { cap: 2, base: 10, votes: 91, of: 100, percent: 20, by: "score", baseRule: "l2-only", rounding: "nearest" } as const;
    expect(words(reason("cap.committee-demoted", params))).toBe(
      "Số đảng viên hoàn thành xuất sắc nhiệm vụ trong toàn đảng bộ không được vượt quá 20% (tối đa 2 trong số 10 đảng viên hoàn thành tốt nhiệm vụ (không tính đảng viên hoàn thành xuất sắc, theo lựa chọn của kỳ đánh giá) ở các chi bộ, làm tròn đến số gần nhất theo lựa chọn của kỳ đánh giá); với 91/100 điểm, đảng ủy xếp đồng chí ở mức «Hoàn thành tốt nhiệm vụ».",
    );
    expect(words(reason("cap.committee-chose", { level: "L1", percent: 25, by: "score" }))).toBe(
      "Đảng ủy quyết định trường hợp bằng điểm ở ranh giới 25%: «Đủ tư cách, hoàn thành xuất sắc nhiệm vụ».",
    );
    const en = translatorFor("en");
    expect(
      describeReason(en, reason("cap.committee-demoted", { ...params, baseRule: "with-excellent", rounding: "floor" }), "en", REVIEW_ZONE),
    ).toContain(
      "may not exceed 20% (at most 2 of the 10 members of its branches rated good or better (the excellent included, as the review period chose), rounded down, as the review period chose); with 91/100 points",
    );
  });

  it("N7: a decision otherwise names the proposal and the reason", () => {
    expect(words(reason("decision.differs", { proposed: "L2", note: "Chưa hoàn thành đúng hạn." }))).toBe(
      "Cấp có thẩm quyền quyết định khác với đề xuất «Đủ tư cách, hoàn thành tốt nhiệm vụ» của chi bộ. Lý do: Chưa hoàn thành đúng hạn.",
    );
  });
});

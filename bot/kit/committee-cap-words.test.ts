// M8, revised Decision: every state of a committee's cap reads whole in both languages, with the right button.
import { describe, expect, it } from "vitest";
import { capRuleOf, COMMITTEE_CAP_STATES, hd07_2011, percent, type CommitteeCapState } from "../../domain";
import type { CommitteeCapView } from "../../store/committee-cap";
import { branchCapPreview, committeeCapMessage } from "./committee-cap-words";
import { LANGUAGES, translatorFor } from "./i18n";

const ID = (n: number) => `c${String(n).padStart(24, "0")}`;
const person = (n: number, branch: number, votes: number, of: number) => ({
  memberId: ID(n),
  fullName: `Đảng viên ${n}`,
  branchId: ID(100 + branch),
  branchName: `Chi bộ ${branch}`,
  share: { votes, of },
});

function view(state: CommitteeCapState): CommitteeCapView {
  const people = [person(1, 1, 9, 10), person(2, 2, 4, 5), person(3, 2, 4, 5), person(4, 1, 6, 10)];
  return {
    state,
    rulebookIds: state === "mixed-rulebooks" ? ["a", "b"] : ["a"],
    rulebookTitles: state === "mixed-rulebooks" ? ["Hướng dẫn A", "Hướng dẫn B"] : ["Hướng dẫn A"],
    share: state === "mixed-rulebooks" ? null : percent(15),
    rule: state === "mixed-rulebooks" ? null : capRuleOf(hd07_2011),
    base: 17,
    cap: 2,
    candidates: people.map((p) => ({ memberId: p.memberId, branchId: p.branchId, share: p.share, recognized: false })),
    seated: 0,
    pendingBranches: state === "waiting-branches" ? [ID(102)] : [],
    keep: state === "to-apply" || state === "tie" ? [ID(1)] : [],
    demote: state === "to-apply" ? [ID(2), ID(4)] : state === "tie" ? [ID(4)] : [],
    ...(state === "tie" ? { tie: { candidates: [ID(2), ID(3)], seatsLeft: 1, share: { votes: 4, of: 5 }, chosen: [] } } : {}),
    l1Held: state !== "within" && state !== "applied",
    committeeId: ID(200),
    committeeName: "Đảng ủy Sở Tài chính",
    year: 2026,
    branchNames: new Map([
      [ID(101), "Chi bộ 1"],
      [ID(102), "Chi bộ 2"],
    ]),
    people: new Map(people.map((p) => [p.memberId, p])),
    periods: [],
  };
}

const buttons = (keyboard: ReturnType<typeof committeeCapMessage>["keyboard"]) =>
  keyboard.inline_keyboard.flat().map((b) => ("callback_data" in b ? b.callback_data : ""));

describe("M8: a committee's cap in words", () => {
  for (const lang of LANGUAGES)
    it.each(COMMITTEE_CAP_STATES)(`M8: the %s state reads whole (${lang})`, (state) => {
      const t = translatorFor(lang);
      const { text, keyboard } = committeeCapMessage(t, view(state));
      const preview = branchCapPreview(t, view(state), ID(102));
      for (const words of [text, preview]) expect(words).not.toMatch(/{{|}}|cap_committee\.|results\./);
      expect(buttons(keyboard)).toEqual(
        state === "to-apply" ? [`ccap:apply:${ID(200)}:2026`] : state === "tie" ? [`ccap:keep:${ID(2)}`, `ccap:keep:${ID(3)}`] : [],
      );
    });

  it("M8: the tie names both tied members with their branch and vote, and who keeps by the ranking", () => {
    const { text } = committeeCapMessage(translatorFor("vi"), view("tie"));
    expect(text).toContain("Giữ mức xuất sắc:\n• Đảng viên 1 — Chi bộ 1, 9/10 phiếu xuất sắc");
    expect(text).toContain(
      "Bằng tỷ lệ phiếu (4/5) ở ranh giới: 2 đồng chí cho 1 chỉ tiêu:\n• Đảng viên 2 — Chi bộ 2, 4/5 phiếu xuất sắc\n• Đảng viên 3",
    );
  });

  it("M8: a branch's preview lists its own candidates only, and the committee's figure", () => {
    const preview = branchCapPreview(translatorFor("en"), view("waiting-branches"), ID(102));
    expect(preview).toContain("The committee may keep at most 2 member(s)");
    expect(preview).toContain("Branches without all their results: 1.");
    expect(preview).toContain("• Đảng viên 2 — Chi bộ 2, 4/5 ballots for excellent\n• Đảng viên 3");
    expect(preview).not.toContain("Đảng viên 1 ");
  });
});

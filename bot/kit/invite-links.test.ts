import { describe, expect, it } from "vitest";
import { REVIEW_ZONE } from "../../test/support/time-zone";
import { translatorFor } from "./i18n";
import { howToJoin, inviteMessages } from "./invite-links";

const vi = translatorFor("vi");
const en = translatorFor("en");
const CODE = "AbCdEfGhIjKlMnOpQrStUv_-";
const ways = (telegram: boolean, zalo: boolean) => ({ botUsername: telegram ? "kiemdiem_bot" : "", telegram, zalo });

describe("how an invite says to join (issue 14: Zalo has no deep links)", () => {
  it("Telegram only: the bare deep link, as before", () => {
    expect(howToJoin(vi, ways(true, false), CODE)).toBe(`https://t.me/kiemdiem_bot?start=${CODE}`);
  });

  it("Telegram and Zalo: both ways, each named, since the secretary cannot know which app a member uses", () => {
    expect(howToJoin(vi, ways(true, true), CODE)).toBe(
      `Trên Telegram: https://t.me/kiemdiem_bot?start=${CODE}\nTrên Zalo: mở khung trò chuyện với trợ lý kiểm điểm trên Zalo và gõ mã ${CODE}`,
    );
    expect(howToJoin(en, ways(true, true), CODE)).toContain(`On Zalo: open the chat with the bot on Zalo and type the code ${CODE}`);
  });

  it("Zalo only: no Telegram link, only the code to type; the roster's messages carry it under each name", () => {
    expect(howToJoin(vi, ways(false, true), CODE)).toBe(`Trên Zalo: mở khung trò chuyện với trợ lý kiểm điểm trên Zalo và gõ mã ${CODE}`);
    const invites = [{ memberId: "m", fullName: "Nguyễn Văn An", code: CODE, expiresAt: "2026-12-27T16:59:59.000Z" }];
    const [message] = inviteMessages(vi, ways(false, true), invites, REVIEW_ZONE);
    expect(message).toMatch(new RegExp(`\\n1\\. Nguyễn Văn An\\nTrên Zalo: .* gõ mã ${CODE}$`));
    expect(message).not.toContain("t.me");
    expect(message).toMatch(/^Mã mời cho 1 đồng chí chưa tham gia\. Mỗi mã chỉ dành cho một người/);
    const [one] = inviteMessages(en, ways(false, true), invites, REVIEW_ZONE, true);
    expect(one).toMatch(/^A new invite code for Nguyễn Văn An, usable once/);
    expect(inviteMessages(vi, ways(true, true), invites, REVIEW_ZONE)[0]).toMatch(/^Lời mời cho 1 đồng chí/);
  });
});

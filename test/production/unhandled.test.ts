import { describe, expect, it } from "vitest";
import { translate } from "../../src/i18n/translate.js";
import { makeBot, rawMessage, update, user } from "../helpers/index.js";

const media = translate("id", "unhandled-media");
const unknownCommand = translate("id", "unhandled-command");
const group = { id: -100123, type: "supergroup" as const, title: "Forum Kerja Sama" };
const channel = { id: -100999, type: "channel" as const, title: "Kanal Berita" };

const sticker = { file_id: "s", file_unique_id: "s", type: "regular", width: 512, height: 512, is_animated: false, is_video: false };
const photo = [{ file_id: "p", file_unique_id: "p", width: 90, height: 90 }];
const voice = { file_id: "v", file_unique_id: "v", duration: 3 };
const video = { file_id: "vi", file_unique_id: "vi", width: 1, height: 1, duration: 1 };
const document = { file_id: "d", file_unique_id: "d", file_name: "laporan.pdf" };
const location = { latitude: -0.5, longitude: 117.1 };
const contact = { phone_number: "+62811", first_name: "Budi" };

describe("update kinds the bot does not handle", () => {
  it.each([
    ["sticker", { sticker }],
    ["photo", { photo, caption: "lihat ini" }],
    ["voice", { voice }],
    ["video", { video }],
    ["document", { document }],
    ["location", { location }],
    ["contact", { contact }],
  ])("a %s in a private chat gets a short help", async (_kind, fields) => {
    const { bot, api, log } = await makeBot({ logLevel: "info" });
    await bot.handleUpdate(update({ message: rawMessage(501, fields) }));
    expect(api.texts()).toEqual([media]);
    expect(log.json().filter((l) => (l.level as number) >= 50)).toEqual([]);
  });

  it("an unknown command in a private chat gets a pointer to /bantuan", async () => {
    const { bot, api } = await makeBot({ logLevel: "info" });
    await bot.handleUpdate(update({ message: rawMessage(502, { text: "/entahlah", entities: [{ type: "bot_command", offset: 0, length: 9 }] }) }));
    expect(api.texts()).toEqual([unknownCommand]);
  });

  it.each([
    ["an edited private message", () => update({ edited_message: rawMessage(503, { text: "brp nilai kerjasama jatim kaltim", edit_date: 1 }) })],
    ["an edited group message", () => update({ edited_message: rawMessage(503, { text: "halo", edit_date: 1 }, group) })],
    ["a channel post", () => update({ channel_post: { ...rawMessage(0, { text: "Berita hari ini" }, channel), from: undefined, sender_chat: channel } })],
    ["an edited channel post", () => update({ edited_channel_post: { ...rawMessage(0, { text: "Berita", edit_date: 1 }, channel), from: undefined, sender_chat: channel } })],
    ["a sticker in a group", () => update({ message: rawMessage(504, { sticker }, group) })],
    ["a photo in a group", () => update({ message: rawMessage(504, { photo }, group) })],
    ["group chatter not addressed to the bot", () => update({ message: rawMessage(504, { text: "selamat pagi semua" }, group) })],
    ["someone joining a group", () => update({ message: rawMessage(504, { new_chat_members: [user(505)] }, group) })],
    [
      "the bot being added to a group",
      () =>
        update({
          my_chat_member: {
            chat: group,
            from: user(504),
            date: 1,
            old_chat_member: { status: "left", user: { ...user(7000000001), is_bot: true } },
            new_chat_member: { status: "member", user: { ...user(7000000001), is_bot: true } },
          },
        }),
    ],
    ["a poll update", () => update({ poll: { id: "1", question: "?", options: [], total_voter_count: 0, is_closed: false, is_anonymous: true, type: "regular", allows_multiple_answers: false } })],
  ])("%s is ignored without an error", async (_what, make) => {
    const { bot, api, log } = await makeBot({ logLevel: "info" });
    await bot.handleUpdate(make() as never);
    expect(api.calls.map((c) => c.method)).toEqual([]);
    const lines = log.json();
    expect(lines.filter((l) => (l.level as number) >= 50)).toEqual([]);
    // Still logged as one update line.
    expect(lines.filter((l) => l.msg === "update")).toHaveLength(1);
  });

  it("an unknown button stops its spinner and says nothing", async () => {
    const { bot, api } = await makeBot({ logLevel: "info" });
    await bot.handleUpdate(
      update({ callback_query: { id: "cb1", from: user(506), chat_instance: "x", data: "kadaluarsa:123", message: rawMessage(506, { text: "lama" }) } }),
    );
    expect(api.calls.map((c) => c.method)).toEqual(["answerCallbackQuery"]);
  });
});

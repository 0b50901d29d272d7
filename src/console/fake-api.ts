import type { UserFromGetMe } from "grammy/types";

/** One Bot API call the bot made. */
export interface OutgoingCall {
  method: string;
  payload: Record<string, unknown>;
}

/** An error answer to give instead of a result (e.g. 429 with retry_after, 403 blocked). */
export interface FakeError {
  error_code: number;
  description: string;
  parameters?: { retry_after?: number };
}

/** The bot's identity used offline (console chat and tests). */
export const OFFLINE_BOT: UserFromGetMe = {
  id: 7000000001,
  is_bot: true,
  first_name: "Sinergi",
  username: "sinergi_bot",
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: true,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
};

/**
 * An in-process stand-in for the Bot API, plugged in as grammY's `client.fetch`.
 * Every call is recorded and answered with a plausible result, so the whole bot
 * (conversations included, whose `ctx.api` bypasses transformers) runs offline.
 */
export class FakeBotApi {
  /** Every call made, oldest first. */
  readonly calls: OutgoingCall[] = [];
  /** Called for every call; return a FakeError to make it fail. */
  respond?: (call: OutgoingCall) => FakeError | undefined | Promise<FakeError | undefined>;
  /** Called after every successful call (the console prints from here). */
  onCall?: (call: OutgoingCall, result: unknown) => void | Promise<void>;
  private nextMessageId = 1000;

  constructor(readonly botInfo: UserFromGetMe = OFFLINE_BOT) {}

  /** The `fetch` to give grammY (`client.fetch`): records the call and answers it. */
  readonly fetch = (async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = String(input instanceof Request ? input.url : input);
    const method = url.slice(url.lastIndexOf("/") + 1);
    const payload = await readPayload(init);
    const call = { method, payload };
    this.calls.push(call);
    const error = await this.respond?.(call);
    if (error) return json({ ok: false, ...error });
    const result = this.result(call);
    await this.onCall?.(call, result);
    return json({ ok: true, result });
  }) as typeof fetch;

  /** Calls of one method, oldest first. */
  sent(method: string): Array<Record<string, unknown>> {
    return this.calls.filter((c) => c.method === method).map((c) => c.payload);
  }

  /** The latest call of a method. */
  last(method: string): Record<string, unknown> | undefined {
    return this.sent(method).at(-1);
  }

  /** Texts of every sendMessage/editMessageText, in order. */
  texts(): string[] {
    return this.calls.filter((c) => c.method === "sendMessage" || c.method === "editMessageText").map((c) => String(c.payload.text));
  }

  /** Forgets the calls recorded so far. */
  clear(): void {
    this.calls.length = 0;
  }

  private result({ method, payload }: OutgoingCall): unknown {
    const chatId = Number(payload.chat_id ?? 0);
    const message = (extra: Record<string, unknown>) => ({
      message_id: this.nextMessageId++,
      date: Math.floor(Date.now() / 1000),
      chat: { id: chatId, type: chatId < 0 ? "supergroup" : "private" },
      from: this.botInfo,
      ...extra,
    });
    switch (method) {
      case "getMe":
        return this.botInfo;
      case "sendMessage":
        return message({ text: payload.text, reply_markup: payload.reply_markup });
      case "editMessageText":
        return message({ message_id: Number(payload.message_id), text: payload.text, reply_markup: payload.reply_markup });
      case "sendDocument":
        return message({ document: { file_id: "doc", file_unique_id: "doc", file_name: "file" } });
      case "sendVenue":
      case "sendLocation":
        return message({ location: { latitude: payload.latitude, longitude: payload.longitude } });
      case "getUpdates":
        return [];
      case "getChat":
        return { id: chatId, type: "private" };
      case "getFile":
        return { file_id: payload.file_id, file_unique_id: "f", file_path: "documents/file.json" };
      default:
        return true;
    }
  }
}

function json(body: unknown): Response {
  return new Response(JSON.stringify(body), { headers: { "content-type": "application/json" } });
}

/** Reads a JSON or multipart request body into a plain object (files become {filename, content}). */
async function readPayload(init?: RequestInit): Promise<Record<string, unknown>> {
  if (!init?.body) return {};
  const headers = new Headers(init.headers);
  const type = headers.get("content-type") ?? "";
  if (type.includes("multipart/form-data")) {
    // Parsed by hand: Node 20's Response.formData() rejects grammY's multipart bodies.
    const raw = await new Response(init.body as BodyInit).text();
    const boundary = /boundary=("?)([^";]+)\1/.exec(type)?.[2] ?? "";
    const out: Record<string, unknown> = {};
    for (const part of raw.split(`--${boundary}`)) {
      const sep = part.indexOf("\r\n\r\n");
      if (sep < 0) continue;
      const head = part.slice(0, sep);
      const value = part.slice(sep + 4).replace(/\r\n$/, "");
      const key = /name="([^"]*)"/.exec(head)?.[1];
      if (!key) continue;
      const filename = /filename="?([^"\r\n;]*)"?/.exec(head)?.[1];
      if (filename !== undefined) {
        out[key] = { filename, content: value };
        continue;
      }
      try {
        out[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
      } catch {
        out[key] = value;
      }
    }
    // grammY sends files as separate parts and refers to them as "attach://<part>".
    for (const [key, value] of Object.entries(out)) {
      if (typeof value === "string" && value.startsWith("attach://") && out[value.slice(9)]) {
        out[key] = out[value.slice(9)];
        delete out[value.slice(9)];
      }
    }
    return out;
  }
  const text = typeof init.body === "string" ? init.body : await new Response(init.body as BodyInit).text();
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

import { createCallbackData } from "callback-data";

/**
 * Callback data of the bot's buttons, typed and checked (callback-data): each
 * kind of button packs its fields as "<prefix>:<field>…" (fields in
 * alphabetical order), and is read back with `read`, which turns forged or
 * outdated data into undefined. The event buttons' data is defined with the
 * events (src/events/render.ts): announcements carry it too.
 */

/**
 * A button that asks an attribute of a record: the record's kind (two
 * letters), its token, and the attribute. Checked by the answerer when
 * pressed: an outdated or forged button answers nothing.
 */
export const askData = createCallbackData("ask", { k: String, r: String, a: String });

/** An admin button that runs a command: "adm:riwayat", "adm:urungkan", "adm:ekspor", "adm:impor", "adm:belum", "adm:statistik", "adm:uf" (add a missing fact). */
export const adminButton = createCallbackData("adm", { action: String });

/** An admin button with one value: "adm:k:<kind>" (edit records of a kind), "adm:ue:<question key>" (file an unanswered question as an example). */
export const adminValueButton = createCallbackData("adm", { action: String, value: String });

/** An admin button filing an unanswered question as an example of an intent: "adm:ui:<question key>:<intent>". */
export const adminLearnButton = createCallbackData("adm", { action: String, question: String, toIntent: String });

/** Unpacks callback data with `data`'s shape, or undefined when it has another (a forged or outdated button). */
export function read<T>(data: { unpack(packed: string): T }, packed: string): T | undefined {
  try {
    return data.unpack(packed);
  } catch {
    return undefined;
  }
}

import type { ConversationData, ConversationKeyStorage, VersionedState } from "@grammyjs/conversations";
import type { Context } from "grammy";
import type { KeyValueFile } from "../../storage/key-value-file.js";
import type { BaseContext } from "../context.js";

/** The storage key of a user's guided edit in one chat: one conversation per user and chat, so two admins in a group never share one. */
export function conversationKey(ctx: Context): string | undefined {
  return ctx.chatId !== undefined && ctx.from ? `${ctx.chatId}:${ctx.from.id}` : undefined;
}

/** True for what the conversations plugin stores: its versioned state (the file is read back, never trusted). */
function isConversationState(value: unknown): value is VersionedState<ConversationData> {
  return (
    typeof value === "object" && value !== null &&
    "version" in value && Array.isArray(value.version) && value.version.length === 2 &&
    "state" in value && typeof value.state === "object" && value.state !== null
  );
}

/**
 * The conversations plugin's storage: a key storage (keys from
 * `conversationKey`, no prefix) whose adapter is the key-value file in
 * DATA_DIR (`Deps.conversations`), so a restart resumes an edit at the same
 * step. A stored value that is not the plugin's state reads as none.
 */
export function conversationStorage(file: KeyValueFile): ConversationKeyStorage<BaseContext, ConversationData> {
  return {
    type: "key",
    prefix: "",
    getStorageKey: conversationKey,
    adapter: {
      read: (key) => {
        const value = file.read(key);
        return isConversationState(value) ? value : undefined;
      },
      write: (key, state) => file.write(key, state),
      delete: (key) => file.delete(key),
    },
  };
}

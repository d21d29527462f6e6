import { TOTAL_CAP, type MessagesPage, type MessagesQuery } from "@/lib/contracts/messages";
import type { Deps } from "@/server/deps";
import { AppError } from "@/server/errors";
import { countMessageLog, readMessageLog, type LogCursor } from "@/server/messages/message-log";
import { readSnapshot } from "@/server/messages/read-snapshot";

// The cursor is opaque to clients: the position (time, side, key) of the last row they saw.
export const encodeCursor = (cursor: LogCursor): string =>
  Buffer.from(JSON.stringify([cursor.at.toISOString(), cursor.dirRank, cursor.key])).toString("base64url");

export const decodeCursor = (text: string): LogCursor => {
  try {
    const [at, dirRank, key] = JSON.parse(Buffer.from(text, "base64url").toString("utf8")) as unknown[];
    const date = new Date(String(at));
    if (typeof at === "string" && !Number.isNaN(date.getTime()) && (dirRank === 0 || dirRank === 1) && typeof key === "string" && key.length <= 64) {
      return { at: date, dirRank, key };
    }
  } catch {
    // reported below
  }
  throw new AppError("VALIDATION_FAILED", "The page cursor is invalid.", {
    messageKey: "messages.cursorInvalid",
    issues: [{ path: "cursor", code: "messages.cursorInvalid", message: "The page cursor is invalid." }],
  });
};

export const listMessages = async (query: MessagesQuery, deps: Pick<Deps, "db" | "now">): Promise<MessagesPage> => {
  const { cursor, limit, ...filter } = query;
  const position = cursor ? decodeCursor(cursor) : undefined;
  const { page, total } = await readSnapshot(deps, async (db) => ({
    page: await readMessageLog(filter, { cursor: position, limit }, { db, now: deps.now }),
    total: await countMessageLog(filter, TOTAL_CAP, { db, now: deps.now }),
  }));
  return {
    messages: page.messages,
    nextCursor: page.hasMore && page.last ? encodeCursor(page.last) : null,
    total: Math.min(total, TOTAL_CAP),
    totalIsCapped: total > TOTAL_CAP,
  };
};

import type { MessageDirection } from "@/lib/contracts/messages";
import type { MessagesFilterParams } from "@/features/messages/api/messages-filter";

export const messageKeys = {
  all: ["messages"] as const,
  lists: () => [...messageKeys.all, "list"] as const,
  list: (filter: MessagesFilterParams) => [...messageKeys.lists(), filter] as const,
  details: () => [...messageKeys.all, "detail"] as const,
  detail: (direction: MessageDirection, id: string) => [...messageKeys.details(), direction, id] as const,
};

"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { messageKeys } from "@/features/messages/api/message-keys";
import { postDeliveryAction, type DeliveryAction } from "@/features/messages/api/messages";
import { BULK_CHUNK_SIZE } from "@/lib/contracts/messages";

export type BulkProgress = {
  action: DeliveryAction;
  total: number;
  done: number;
  changed: number;
  skipped: { id: string; reason: string }[];
  state: "running" | "stopping" | "finished" | "stopped" | "failed";
  error?: unknown;
};

// A big selection goes out in chunks, so the operator sees progress and can stop it: Stop lets the
// chunk already sent finish (its outcome is then known) and sends no more.
export const useBulkRunner = () => {
  const client = useQueryClient();
  const [progress, setProgress] = useState<BulkProgress | null>(null);
  const stopRequested = useRef(false);

  const run = async (action: DeliveryAction, ids: string[], comment?: string) => {
    stopRequested.current = false;
    let state: BulkProgress = { action, total: ids.length, done: 0, changed: 0, skipped: [], state: "running" };
    setProgress(state);
    for (let start = 0; start < ids.length; start += BULK_CHUNK_SIZE) {
      if (stopRequested.current) {
        state = { ...state, state: "stopped" };
        break;
      }
      const chunk = ids.slice(start, start + BULK_CHUNK_SIZE);
      try {
        const result = await postDeliveryAction(action, chunk, comment);
        state = { ...state, done: state.done + chunk.length, changed: state.changed + result.changed.length, skipped: [...state.skipped, ...result.skipped] };
      } catch (error) {
        state = { ...state, state: "failed", error };
        break;
      }
      setProgress(stopRequested.current ? { ...state, state: "stopping" } : state);
    }
    if (state.state === "running") state = { ...state, state: stopRequested.current && state.done < state.total ? "stopped" : "finished" };
    setProgress(state);
    await client.invalidateQueries({ queryKey: messageKeys.all });
    return state;
  };

  const stop = () => {
    stopRequested.current = true;
    setProgress((current) => (current && current.state === "running" ? { ...current, state: "stopping" } : current));
  };

  return { progress, run, stop, dismiss: () => setProgress(null), isRunning: progress?.state === "running" || progress?.state === "stopping" };
};

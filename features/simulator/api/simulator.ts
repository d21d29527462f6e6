import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import type {
  BuyerActionBody,
  BuyProductBody,
  CallbackDto,
  DebugRunBody,
  DebugRunResultDto,
  DialRunDto,
  DialTestBody,
  DialTestDto,
  SavedCaseDto,
  SimulatorConfigBody,
  SimulatorOverviewDto,
  SubscriptionDto,
} from "@/lib/marketplace/koogallery/simulator/console-contracts";
import { simulatorKeys } from "@/features/simulator/api/simulator-keys";

export const simulatorOverviewQueryOptions = () =>
  queryOptions({ queryKey: simulatorKeys.overview(), queryFn: () => apiFetch<SimulatorOverviewDto>("/api/simulator") });

// Retries and polls happen in the worker, so the lists refresh on their own while the page is open.
const LIVE_MS = 3_000;

export const useSimulatorOverview = () => useQuery(simulatorOverviewQueryOptions());
export const useSubscriptions = () =>
  useQuery({
    queryKey: simulatorKeys.subscriptions(),
    queryFn: () => apiFetch<{ subscriptions: SubscriptionDto[] }>("/api/simulator/subscriptions"),
    refetchInterval: LIVE_MS,
  });
export const useCallbacks = () =>
  useQuery({
    queryKey: simulatorKeys.callbacks(),
    queryFn: () => apiFetch<{ callbacks: CallbackDto[] }>("/api/simulator/callbacks?limit=30"),
    refetchInterval: LIVE_MS,
  });
export const useSavedCases = () =>
  useQuery({ queryKey: simulatorKeys.savedCases(), queryFn: () => apiFetch<{ savedCases: SavedCaseDto[] }>("/api/simulator/saved-cases") });
export const useDialTests = () =>
  useQuery({ queryKey: simulatorKeys.dialTests(), queryFn: () => apiFetch<{ dialTests: DialTestDto[] }>("/api/simulator/dial-tests"), refetchInterval: 30_000 });

const useInvalidatingMutation = <I, O>(mutationFn: (input: I) => Promise<O>) => {
  const client = useQueryClient();
  return useMutation({ mutationFn, onSettled: () => client.invalidateQueries({ queryKey: simulatorKeys.all }) });
};

export const useBuyProduct = () =>
  useInvalidatingMutation((input: BuyProductBody) => apiFetch<{ subscriptionId: string; callbackIds: string[] }>("/api/simulator/subscriptions", { method: "POST", body: input }));

export const useBuyerAction = () =>
  useInvalidatingMutation(({ subscriptionId, ...body }: BuyerActionBody & { subscriptionId: string }) =>
    apiFetch<{ subscriptionId: string; callbackIds: string[] }>(`/api/simulator/subscriptions/${subscriptionId}/actions`, { method: "POST", body }),
  );

export const useUpdateSimulatorConfig = () =>
  useInvalidatingMutation((input: SimulatorConfigBody) => apiFetch<{ config: SimulatorConfigBody }>("/api/simulator/config", { method: "PUT", body: input }));

export const useRunDebugSuite = () =>
  useInvalidatingMutation((input: DebugRunBody) => apiFetch<DebugRunResultDto>("/api/simulator/debug-runs", { method: "POST", body: input }));

export const useSaveDialTest = () =>
  useInvalidatingMutation((input: DialTestBody) => apiFetch<{ dialTestId: string }>("/api/simulator/dial-tests", { method: "PUT", body: input }));

export const useRunDialTest = () =>
  useInvalidatingMutation((dialTestId: string) => apiFetch<{ run: DialRunDto }>(`/api/simulator/dial-tests/${dialTestId}/runs`, { method: "POST" }));

export const useDeleteSavedCase = () =>
  useInvalidatingMutation((caseId: string) =>
    apiFetch<{ deleted: { productKey: string; caseKey: string; targetUrl: string } }>(`/api/simulator/saved-cases/${caseId}`, { method: "DELETE" }),
  );

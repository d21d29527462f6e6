import { isServer, QueryClient } from "@tanstack/react-query";

const makeQueryClient = () =>
  new QueryClient({
    defaultOptions: {
      // Above zero so data prefetched on the server is not refetched the moment the page hydrates.
      queries: { staleTime: 30_000, retry: (count, error) => count < 2 && !(error instanceof Error && "status" in error) },
    },
  });

let browserQueryClient: QueryClient | undefined;

// A new client per server request (no data shared between operators); one for the browser's life.
export const getQueryClient = (): QueryClient => {
  if (isServer) return makeQueryClient();
  browserQueryClient ??= makeQueryClient();
  return browserQueryClient;
};

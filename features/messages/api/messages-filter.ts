// The log's filters as they live in the URL: plain strings, so a filtered view can be bookmarked,
// shared, linked from the dashboard and survives a reload. The server validates them.
export const FILTER_KEYS = ["direction", "activity", "status", "resultCode", "product", "orderId", "instanceId", "test", "from", "to", "q", "atRisk"] as const;
export type MessagesFilterParams = Partial<Record<(typeof FILTER_KEYS)[number], string>>;

export const filterFromSearch = (search: URLSearchParams): MessagesFilterParams => {
  const filter: MessagesFilterParams = {};
  for (const key of FILTER_KEYS) {
    const value = search.get(key)?.trim();
    if (value) filter[key] = value;
  }
  return filter;
};

export const filterToSearch = (filter: MessagesFilterParams): URLSearchParams => {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filter[key]?.trim();
    if (value) params.set(key, value);
  }
  return params;
};

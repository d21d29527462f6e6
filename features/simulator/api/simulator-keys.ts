export const simulatorKeys = {
  all: ["simulator"] as const,
  overview: () => [...simulatorKeys.all, "overview"] as const,
  subscriptions: () => [...simulatorKeys.all, "subscriptions"] as const,
  callbacks: () => [...simulatorKeys.all, "callbacks"] as const,
  savedCases: () => [...simulatorKeys.all, "saved-cases"] as const,
  dialTests: () => [...simulatorKeys.all, "dial-tests"] as const,
};

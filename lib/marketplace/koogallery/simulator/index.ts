/*
 * The marketplace's side of the KooGallery protocol, for the console's
 * simulator, its CLI and tests: what the marketplace sends for each buyer
 * action, signed as it signs, and how it judges the seller's answers.
 * Pure apart from `fetchTransport`; clocks, keys and ids are passed in.
 */
export * from "./answer-checks";
export * from "./buyer-actions";
export * from "./catalogue";
export * from "./debug-cases";
export * from "./order-query";
export * from "./retry-schedule";
export * from "./send-callback";
export * from "./signed-request";
export * from "./transport";
export * from "./usage-records";

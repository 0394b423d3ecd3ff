/** Currency code → sum, e.g. `{ "CNY": 1200000 }`. Amounts in different currencies are never added. */
export type Money = Record<string, number>;

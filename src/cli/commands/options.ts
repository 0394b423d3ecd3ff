/** Options `check` and `forecast` share (node:util parseArgs descriptors). */
export const SHARED_OPTIONS = {
  today: { type: 'string' },
  config: { type: 'string', short: 'c' },
  currency: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

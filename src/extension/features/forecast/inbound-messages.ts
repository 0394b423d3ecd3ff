import * as z from 'zod';
import { ROW_SORT_KEYS } from '../../../core';
import type { WebviewMessage } from '../../../webview/forecast/protocol';

/** Every message from the webview is checked against these before the host acts on it. */
const text = z.string().max(1000);
const QueryChangeSchema = z.strictObject({
  owner: text.nullable().optional(),
  tier: z.enum(['VIP', 'A', 'B', 'C', 'D', '']).nullable().optional(),
  currency: z.string().regex(/^[A-Z]{3}$/).optional(),
  sort: z.strictObject({ key: z.enum(ROW_SORT_KEYS), dir: z.enum(['asc', 'desc']) }).optional(),
  folder: z.null().optional(),
});
export const WebviewMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('ready') }),
  z.strictObject({ type: z.literal('rendered'), revision: z.int().min(0), rows: z.int().min(0), charts: z.int().min(0), ms: z.number().min(0) }),
  z.strictObject({ type: z.literal('query'), change: QueryChangeSchema }),
  z.strictObject({ type: z.literal('rows'), of: z.int().min(0), from: z.int().min(0) }),
  z.strictObject({ type: z.literal('exportCsv') }),
  z.strictObject({ type: z.literal('reveal'), uri: text, index: z.int().min(0) }),
  z.strictObject({ type: z.literal('openPlan'), uri: text }),
]);
/** The state the serializer gets back after a reload: only the scope, checked like any inbound data. */
export const RevivedStateSchema = z.object({
  scope: z.object({ folder: text.optional(), owner: text.optional() }).catch({}),
}).catch({ scope: {} });
export type CheckedMessage = z.infer<typeof WebviewMessageSchema>;

// Whatever the schema lets through is a message of the shared protocol (the schema is narrower
// where the protocol says `string`: a tier is one of the tiers).
const schemaWithinProtocol: CheckedMessage extends WebviewMessage ? true : false = true;
void schemaWithinProtocol;

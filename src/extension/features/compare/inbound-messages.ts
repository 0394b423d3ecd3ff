import * as z from 'zod';
import type { CompareState, WebviewMessage } from '../../../webview/compare/protocol';

/** Every message from the Compare page is checked against these before the host acts on it. */
export const CompareMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('ready') }),
  z.strictObject({ type: z.literal('rendered'), revision: z.int().min(0), charts: z.int().min(0), ms: z.number().min(0) }),
]);
const commit = z.string().regex(/^(?:[0-9a-f]{4,64})?$/);
/** The state the serializer gets back after a reload: the plan and the two revisions, checked like any inbound data. */
export const CompareStateSchema = z.strictObject({ uri: z.string().max(4000), before: commit, after: commit.optional() });
export type CheckedCompareMessage = z.infer<typeof CompareMessageSchema>;

const withinProtocol: CheckedCompareMessage extends WebviewMessage ? (z.infer<typeof CompareStateSchema> extends CompareState ? true : false) : false = true;
void withinProtocol;

import * as z from 'zod';

/** Every message from the webview is checked against these before the host acts on it. */
const MAX_EXPORT_CHARS = 64 * 1024 * 1024;
const SVG = /^(<\?xml[^>]*\?>\s*)?<svg[\s>]/;
const PNG = /^data:image\/png;base64,[A-Za-z0-9+/]+=*$/;

export const WebviewMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('ready') }),
  z.strictObject({
    type: z.literal('rendered'),
    revision: z.int().min(0),
    cards: z.int().min(0),
    placeholders: z.int().min(0),
    mode: z.enum(['org', 'layers', 'grid']),
    ms: z.number().min(0),
  }),
  z.strictObject({ type: z.literal('reveal'), index: z.int().min(0) }),
  z.strictObject({ type: z.literal('export'), format: z.enum(['svg', 'png']), data: z.string().max(MAX_EXPORT_CHARS) })
    .refine((m) => (m.format === 'svg' ? SVG.test(m.data) : PNG.test(m.data)), { message: 'the data does not match the format', path: ['data'] }),
]);
export type CheckedMessage = z.infer<typeof WebviewMessageSchema>;

/** What the serializer needs from the webview's saved state: the plan it showed. */
export const RevivedStateSchema = z.object({ planUri: z.string().max(4096).regex(/\.account\.md$/) });

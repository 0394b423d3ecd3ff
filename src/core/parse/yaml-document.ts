import { Document, parseDocument } from 'yaml';

/**
 * Every `yaml` Document the engine builds comes from here, with one set of options: YAML 1.2
 * and its core schema (the format's), error messages without a source excerpt (the engine
 * words its own messages around them), and warnings kept in the document rather than printed
 * (a collection used as a key would print to stderr; the check reports it as AP003).
 * The check's fast path reads with js-yaml (fast-yaml.ts) under the same YAML 1.2 core schema.
 */
const OPTIONS = { version: '1.2', schema: 'core', prettyErrors: false, logLevel: 'error' } as const;

/**
 * What a key that appears twice in one mapping does, the one deliberate difference:
 * - 'reject': the document has an error. The check reports it (AP001) and an edit declines
 *   to touch such a document, as it cannot tell which of the two keys the user means.
 * - 'tolerate': the later key wins. Completion, hover, rename and the outline keep working on
 *   a buffer half-way through typing, while the check's diagnostic points at the duplicate.
 */
export type DuplicateKeys = 'reject' | 'tolerate';

/** A plan's frontmatter YAML, parsed. */
export function parseYaml(source: string, duplicateKeys: DuplicateKeys): Document.Parsed {
  return parseDocument(source, { ...OPTIONS, uniqueKeys: duplicateKeys === 'reject' });
}

/** A Document holding `value`, to be written out as YAML (edits render new items with it). */
export function newYamlDocument(value: unknown): Document {
  return new Document(value, OPTIONS);
}

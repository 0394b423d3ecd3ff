import { isMap, isSeq, visit, type Document, type YAMLError } from 'yaml';

/** `yaml`'s message for a `[` or `{` that is never closed; the error sits where the reading stopped. */
const UNCLOSED = /(?:must end|end) with a ([\]}])$/;

/**
 * Where an unclosed flow collection (`with: [zheng, wang`) opens, for an error `yaml` places where
 * it gave up (often the closing `---`, lines below the cause): the offset of its `[` or `{` in
 * the YAML source, or undefined for any other error. `yaml` ends such a collection's range at
 * the error's offset, which ties the two together; nested collections each get their own.
 */
export function unclosedFlowStart(doc: Document.Parsed, source: string, error: YAMLError): number | undefined {
  const expected = UNCLOSED.exec(error.message)?.[1];
  if (expected === undefined) return undefined;
  const open = expected === ']' ? '[' : '{';
  let found: number | undefined;
  const check = (node: { flow?: boolean; range?: readonly number[] | null }) => {
    const r = node.range;
    if (!node.flow || !r || r[1] !== error.pos[0] || source[r[0]] !== open) return undefined;
    found = r[0];
    return visit.BREAK;
  };
  visit(doc, { Map: (_, node) => (isMap(node) ? check(node) : undefined), Seq: (_, node) => (isSeq(node) ? check(node) : undefined) });
  return found;
}

import { isMap, isPair, isScalar, isSeq, visit, type Document, type Node, type Pair } from 'yaml';
import { FastLocator } from './fast-locator';
import { loadWithPositions } from './fast-yaml';
import { splitFrontmatter, stripBom } from './frontmatter';
import type { MessageKey, MessageParam } from '../i18n/catalogue';
import { LineIndex } from './line-index';
import type { RuleCode } from '../model/finding';
import type { Locator, PathKey } from './locator';
import { unclosedFlowStart } from './unclosed-flow';
import { parseYaml } from './yaml-document';
import { MAX_ALIASES, MAX_DEPTH, scanYaml } from './yaml-limits';

/** A finding before it gets words and a line/column: the rule, a message key and file offsets. */
export interface Draft {
  readonly code: RuleCode;
  readonly key: MessageKey;
  readonly params?: Record<string, MessageParam>;
  readonly start: number;
  readonly end: number;
  readonly data?: Record<string, string | number | boolean | readonly string[]>;
}


/** The file split and its frontmatter parsed once; every rule and view reads from this. */
export interface ParsedPlan {
  /** The file's text without a BOM; all offsets point into it. */
  readonly text: string;
  readonly lines: LineIndex;
  /** AP001 (and AP002 for a frontmatter that is not a mapping): nothing else runs when present. */
  readonly fatal: readonly Draft[];
  /** Where the nodes are, when the frontmatter parsed. */
  readonly locator?: Locator;
  /** The `yaml` document, when the reference parser was used. */
  readonly doc?: Document.Parsed;
  /** The frontmatter as plain data, when it parsed without error. */
  readonly data?: unknown;
  /** Offset of the YAML inside `text`. */
  readonly yamlStart: number;
}

/** The default of the `maxPlanSizeMB` setting: larger plans get one AP001 and are not parsed. */
export const DEFAULT_MAX_PLAN_MB = 5;
/** How far aliases may expand the data (`yaml`'s maxAliasCount): bounds an alias bomb's size. */
const MAX_ALIAS_EXPANSION = 100;
const MB = 1024 * 1024;

export interface ParseOptions {
  /** Parse with `yaml` only (the reference), skipping the fast parser. */
  readonly reference?: boolean;
  /** Plans larger than this many megabytes of UTF-8 are not parsed (default 5). */
  readonly maxPlanMB?: number;
}

/**
 * Splits and parses a plan. The fast parser is tried first; whatever it does not handle the same
 * way (errors, aliases, explicit keys…) goes through `yaml`, which also reports the errors.
 * Size, nesting depth and aliases are decided before either parser runs (yaml-limits.ts), and a
 * lone CR is a line end for both parsers, as it is in VS Code.
 */
export function parsePlan(raw: string, options: ParseOptions = {}): ParsedPlan {
  const text = stripBom(raw);
  const lines = new LineIndex(text);
  const base = { text, lines, yamlStart: 0 };
  // Same length as `text`: every offset found in it is an offset into `text`.
  const lf = text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
  const firstLineEnd = lineEnd(lf, 0);
  const fatal = (key: MessageKey, start = 0, end = firstLineEnd, params?: Draft['params']): ParsedPlan =>
    ({ ...base, fatal: [{ code: 'AP001', key, start, end, params }] });

  const limitMB = options.maxPlanMB ?? DEFAULT_MAX_PLAN_MB;
  const bytes = utf8Size(text, limitMB * MB);
  if (bytes > limitMB * MB) return fatal('tooLarge', 0, firstLineEnd, { size: (bytes / MB).toFixed(1), limit: limitMB });
  const nul = text.indexOf('\0');
  if (nul !== -1) return fatal('binary', nul, nul + 1);
  const split = splitFrontmatter(lf);
  if (split.kind === 'none') return fatal('noFrontmatter');
  if (split.kind === 'unterminated') return fatal('unterminated', 0, split.openEnd);

  const yamlStart = split.yamlStart;
  const source = lf.slice(yamlStart, split.yamlEnd);
  const { breach, flowAcrossLines } = scanYaml(source);
  if (breach) {
    const at = yamlStart + breach.at;
    return breach.limit === 'depth'
      ? fatal('tooDeep', at, at + 1, { limit: MAX_DEPTH })
      : fatal('tooManyAliases', at, at + 1, { limit: MAX_ALIASES });
  }
  const fast = options.reference || flowAcrossLines ? undefined : loadWithPositions(source, yamlStart);
  if (fast) {
    const locator = new FastLocator(text, lines, fast.root);
    const contents = fast.root && fast.root.kind !== 'null' ? [fast.root.start, fast.root.end] as [number, number] : undefined;
    return shapeCheck({ ...base, yamlStart, locator }, fast.data, contents, firstLineEnd);
  }
  const doc = parseYaml(source, 'reject');
  const shift = { ...base, yamlStart, doc, locator: new YamlLocator({ ...base, yamlStart, doc }) };
  if (doc.errors.length) {
    return {
      ...shift,
      fatal: doc.errors.map((e) => {
        const open = unclosedFlowStart(doc, source, e);
        const [start, end] = open === undefined ? [e.pos[0], Math.max(e.pos[1], e.pos[0] + 1)] : [open, open + 1];
        return { code: 'AP001' as const, key: 'yamlError' as const, params: { detail: firstLine(e.message) }, start: yamlStart + start, end: yamlStart + end };
      }).map((d) => ({ ...d, end: Math.min(d.end, Math.max(d.start, lineEnd(lf, d.start))) })),
    };
  }
  const cycle = aliasInsideItsAnchor(doc);
  if (cycle !== undefined) return fatal('aliasCycle', yamlStart + cycle[0], yamlStart + cycle[1]);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_EXPANSION });
  } catch (e) {
    // `yaml` throws a ReferenceError when aliases expand past maxAliasCount: an alias bomb.
    if (e instanceof ReferenceError) return fatal('aliasBomb', yamlStart, lineEnd(lf, yamlStart));
    throw e;
  }
  const [s, e] = rangeOf(doc.contents as Node);
  return shapeCheck(shift, data, [yamlStart + s, yamlStart + e], firstLineEnd);
}

/**
 * An alias that stands inside the node its anchor names (`self: &s [*s]`) makes the data contain
 * itself: no finite plan. The range of the first such alias, or undefined.
 */
function aliasInsideItsAnchor(doc: Document.Parsed): [number, number] | undefined {
  let found: [number, number] | undefined;
  visit(doc, {
    Alias(_, alias, path) {
      const source = alias.resolve(doc);
      if (source && path.includes(source) && alias.range) {
        found = [alias.range[0], alias.range[1]];
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/** The UTF-8 size of `text`, counted only as far as needed to tell whether it is over `limit`. */
function utf8Size(text: string, limit: number): number {
  if (text.length * 3 <= limit) return text.length; // cannot be over: no need to count
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c < 0xdc00 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) { bytes += 4; i++; }
    else bytes += 3;
  }
  return bytes;
}

/** An empty frontmatter lacks `account`; one that is not a mapping stops here; else the rules run. */
function shapeCheck(parsed: Omit<ParsedPlan, 'fatal'>, data: unknown, contents: [number, number] | undefined, firstLineEnd: number): ParsedPlan {
  if (data === null || data === undefined) {
    return { ...parsed, data: {}, fatal: [{ code: 'AP002', key: 'missingKey', params: { key: 'account', where: '' }, start: 0, end: firstLineEnd }] };
  }
  if (typeof data !== 'object' || Array.isArray(data) || data instanceof Map) {
    const actual = Array.isArray(data) ? 'a list' : `"${String(data)}"`;
    const [s, raw] = contents ?? [0, firstLineEnd];
    let e = raw;
    while (e > s && /[ \t\r\n]/.test(parsed.text[e - 1])) e--;
    return { ...parsed, fatal: [{ code: 'AP002', key: 'notMapping', params: { actual }, start: s, end: e }] };
  }
  return { ...parsed, data, fatal: [] };
}

function firstLine(s: string): string {
  const i = s.indexOf('\n');
  return (i === -1 ? s : s.slice(0, i)).trim();
}

function lineEnd(text: string, from: number): number {
  const i = text.indexOf('\n', from);
  const end = i === -1 ? text.length : i;
  return text.charCodeAt(end - 1) === 13 ? end - 1 : end;
}

function rangeOf(node: Node | null | undefined): [number, number] {
  const r = node?.range;
  return r ? [r[0], r[1]] : [0, 0];
}

/** The reference locator, over a `yaml` document. */
export class YamlLocator implements Locator {
  constructor(private readonly plan: Pick<ParsedPlan, 'doc' | 'yamlStart' | 'lines' | 'text'>) {}

  private get base(): number {
    return this.plan.yamlStart;
  }

  node(path: readonly PathKey[]): Node | undefined {
    const doc = this.plan.doc;
    if (!doc) return undefined;
    let node: unknown = doc.contents;
    for (const key of path) {
      if (isMap(node)) node = findPair(node.items, key)?.value;
      else if (isSeq(node) && typeof key === 'number') node = node.items[key];
      else return undefined;
    }
    return (node ?? undefined) as Node | undefined;
  }

  /** The key node of the last step of `path` (a map entry). */
  keyNode(path: readonly PathKey[]): Node | undefined {
    const parent = this.node(path.slice(0, -1));
    if (!isMap(parent)) return undefined;
    return (findPair(parent.items, path[path.length - 1])?.key ?? undefined) as Node | undefined;
  }

  value(path: readonly PathKey[]): [number, number] | undefined {
    return this.offsets(this.node(path));
  }

  key(path: readonly PathKey[]): [number, number] | undefined {
    return this.offsets(this.keyNode(path));
  }

  /** For something missing inside an object: the first key of that object (or the object itself). */
  firstKeyOf(path: readonly PathKey[]): [number, number] | undefined {
    const node = this.node(path);
    if (isMap(node) && node.items.length) return this.offsets(node.items[0].key as Node);
    return this.offsets(node);
  }

  /** The items of a sequence at `path`, with their own offsets. */
  items(path: readonly PathKey[]): { value: unknown; index: number; at: [number, number] }[] {
    const node = this.node(path);
    if (!isSeq(node)) return [];
    return node.items.flatMap((item, index) => {
      const at = this.offsets(item as Node);
      return at ? [{ value: isScalar(item) ? item.value : undefined, index, at }] : [];
    });
  }

  /** The keys of a mapping at `path`, with their offsets. */
  keys(path: readonly PathKey[]): { key: unknown; name: string; at: [number, number] }[] {
    const node = this.node(path);
    if (!isMap(node)) return [];
    return node.items.flatMap((pair) => {
      const at = this.offsets(pair.key as Node);
      if (!at) return [];
      const k = pair.key;
      return isScalar(k) ? [{ key: k.value, name: String(k.value), at }] : [{ key: k, name: this.plan.text.slice(at[0], at[1]), at }];
    });
  }

  lineOf(offset: number): number {
    return this.plan.lines.position(offset).line;
  }

  /** Source text of a node, as the user wrote it. */
  source(path: readonly PathKey[]): string | undefined {
    const at = this.value(path);
    return at ? this.plan.text.slice(at[0], at[1]) : undefined;
  }

  private offsets(node: Node | null | undefined): [number, number] | undefined {
    const r = node?.range;
    if (!r) return undefined;
    if (isScalar(node) && node.value === null && r[0] === r[1]) return undefined;
    let end = this.base + r[1];
    const start = this.base + r[0];
    // A block collection's range runs to the next line; a finding ends with its last character.
    while (end > start && /[ \t\r\n]/.test(this.plan.text[end - 1])) end--;
    return [start, end];
  }
}

function findPair(items: readonly Pair[], key: PathKey): Pair | undefined {
  for (let i = items.length - 1; i >= 0; i--) {
    const p = items[i];
    if (!isPair(p)) continue;
    const k = isScalar(p.key) ? p.key.value : p.key;
    if (k === key || (typeof k === 'number' && String(k) === key)) return p;
  }
  return undefined;
}

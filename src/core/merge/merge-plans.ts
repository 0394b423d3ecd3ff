import { splitFrontmatter, stripBom } from '../parse/frontmatter';
import { mergeLines } from './line-merge';
import { ConflictMarkers, type MarkerOptions } from './conflict-markers';
import { mergeFrontmatter, type MergeConflict } from './merge-frontmatter';
import { canonical, readSide, type Side } from './yaml-sides';

export type { MergeConflict } from './merge-frontmatter';

export interface PlanMerge {
  /** The merged plan, with conflict markers where a true conflict remains. */
  readonly text: string;
  readonly conflicts: readonly MergeConflict[];
  /**
   * `meaning`: the frontmatter merged item by item and field by field, the body line by line;
   * `lines`: a side did not parse, so the whole file merged line by line, as git would.
   */
  readonly how: 'meaning' | 'lines';
}

export interface MergeOptions extends MarkerOptions {
  /** `reference`: read every version with `yaml` (tests compare the two readings). */
  readonly parser?: Parser;
}

type Parser = 'fast' | 'reference';

interface Parts { readonly bom: string; readonly head: string; readonly side: Side; readonly how: Parser; readonly close: string; readonly body: string }

/**
 * The three-way merge of a plan: what THEIRS changed against BASE, spliced into OURS. An empty
 * BASE is a plan added on both sides. Never throws, never drops a byte of either side.
 */
export function mergePlans(base: string, ours: string, theirs: string, options: MergeOptions = {}): PlanMerge {
  if (theirs === base || theirs === ours) return { text: ours, conflicts: [], how: 'meaning' };
  if (ours === base) return { text: theirs, conflicts: [], how: 'meaning' };
  const [b, o, t] = readParts([base, ours, theirs], options.parser ?? 'fast');
  const markers = new ConflictMarkers({ base, ours, theirs }, options);
  if (b && o && t) {
    const how = b.how;
    try {
      const front = mergeFrontmatter(b.side, o.side, t.side, markers);
      const yaml = front.conflicts.length ? front.text : preferLineMerge(b.side, o.side, t.side, front.text, how);
      const body = mergeLines(b.body, o.body, t.body, markers.at());
      const conflicts = [...front.conflicts, ...body.conflicts.map((c) => ({ where: 'body', ours: c.ours.trim(), theirs: c.theirs.trim() }))];
      return { text: o.bom + o.head + yaml + o.close + body.text, conflicts, how: 'meaning' };
    } catch {
      // Unsupported (a shape the splice cannot handle safely), or a fault of ours: never worse than git.
    }
  }
  const lines = mergeLines(stripBom(base), stripBom(ours), stripBom(theirs), markers.at());
  const bom = ours.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
  return { text: bom + lines.text, conflicts: lines.conflicts.map((c) => ({ where: 'file', ours: c.ours.trim(), theirs: c.theirs.trim() })), how: 'lines' };
}

/**
 * The three versions, read by js-yaml (fast) when it reads all three, else all by `yaml`, so that
 * values are compared as one parser reads them; none when a version does not parse as a plan.
 */
function readParts(texts: readonly string[], how: Parser): (Parts | undefined)[] {
  // An empty BASE is a plan added on both sides.
  const read = (i: number, by: Parser) => (i === 0 && texts[0].trim() === '' ? emptyParts(by) : parts(texts[i], by));
  const fast = how === 'fast' ? texts.map((_, i) => read(i, 'fast')) : [];
  if (fast.length && fast.every(Boolean)) return fast;
  const failed = fast.findIndex((p) => !p);
  if (failed >= 0 && !read(failed, 'reference')) return [undefined, undefined, undefined];
  return texts.map((_, i) => read(i, 'reference'));
}

function parts(raw: string, how: Parser): Parts | undefined {
  const text = stripBom(raw);
  const split = splitFrontmatter(text);
  if (split.kind !== 'ok') return undefined;
  const side = readSide(text.slice(split.yamlStart, split.yamlEnd), how);
  if (!side) return undefined;
  return {
    bom: raw.length !== text.length ? '\ufeff' : '', head: text.slice(0, split.yamlStart), side, how,
    close: text.slice(split.yamlEnd, split.bodyStart), body: text.slice(split.bodyStart),
  };
}

const emptyParts = (how: Parser): Parts | undefined => {
  const side = readSide('', how);
  return side && { bom: '', head: '', side, how, close: '', body: '' };
};

/**
 * git's own line merge of the frontmatter, when it is clean and means exactly what the merge by
 * meaning does: it also carries THEIRS' comments and layout, which the merge by meaning (comparing
 * values) leaves as OURS wrote them.
 */
function preferLineMerge(base: Side, ours: Side, theirs: Side, merged: string, how: Parser): string {
  const lines = mergeLines(base.text, ours.text, theirs.text);
  if (lines.conflicts.length || lines.text === merged) return merged;
  const side = readSide(lines.text, how);
  const meant = readSide(merged, how);
  return side && meant && canonical(side.data) === canonical(meant.data) ? lines.text : merged;
}

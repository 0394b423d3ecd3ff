import { matchItems, type Identified } from '../diff/match-items';
import { pairVisits } from '../diff/visits';
import type { Visit } from '../model/plan';
import { ConflictMarkers, type ConflictSite } from './conflict-markers';
import { conflictBlock } from './line-merge';
import {
  blockItems, canonical, closed, column, itemRegion, pairRegion, pairsOf, reindent, Unsupported, type Side, type YNode, type YPair,
} from './yaml-sides';

/** A true conflict: where it is (`stakeholders lin attitude`) and each side's text there (none: deleted). */
export interface MergeConflict {
  readonly where: string;
  readonly ours?: string;
  readonly theirs?: string;
}

interface Edit { readonly start: number; readonly end: number; readonly text: string }

const LISTS = ['stakeholders', 'opportunities', 'visits'] as const;

/** Merges what THEIRS changed against BASE into OURS' frontmatter YAML, splicing only what changed. */
export function mergeFrontmatter(base: Side, ours: Side, theirs: Side, markers = new ConflictMarkers(undefined)): { text: string; conflicts: MergeConflict[] } {
  const m = new Merger(base, ours, theirs, markers);
  if (!ours.root) throw new Unsupported('empty');
  m.mergeMap([], base.root, ours.root, theirs.root, true);
  return { text: m.apply(), conflicts: m.conflicts };
}

class Merger {
  readonly edits: Edit[] = [];
  readonly conflicts: MergeConflict[] = [];
  readonly eol: string;

  constructor(private readonly base: Side, private readonly ours: Side, private readonly theirs: Side, private readonly markers: ConflictMarkers) {
    this.eol = ours.text.includes('\r\n') ? '\r\n' : '\n';
  }

  apply(): string {
    const edits = this.edits.map((e, i) => ({ e, i })).sort((a, b) => a.e.start - b.e.start || a.e.end - b.e.end || a.i - b.i);
    let out = '';
    let pos = 0;
    for (const { e } of edits) {
      if (e.start < pos) throw new Unsupported('overlap');
      out += this.ours.text.slice(pos, e.start) + e.text;
      pos = e.end;
    }
    return out + this.ours.text.slice(pos);
  }

  /** Field by field: one side's change is taken, the same change once, different changes conflict. */
  mergeMap(path: readonly string[], base: YNode | undefined, ours: YNode, theirs: YNode | undefined, top = false): void {
    const b = pairsOf(base);
    const o = pairsOf(ours);
    const t = pairsOf(theirs);
    const keys = [...o.keys(), ...[...t.keys()].filter((k) => !o.has(k))];
    for (const key of keys) {
      if (top && (LISTS as readonly string[]).includes(key) && this.tryList(key, b.get(key), o.get(key), t.get(key))) continue;
      this.mergePair([...path, key], ours, b.get(key), o.get(key), t.get(key));
    }
  }

  private mergePair(path: readonly string[], oursMap: YNode, b?: YPair, o?: YPair, t?: YPair): void {
    const [bv, ov, tv] = [b, o, t].map((p) => (p ? canonical(p.value.data) : undefined));
    if (tv === bv || ov === tv) return;
    const where = path.join(' ');
    if (ov === bv) {
      if (o && t) this.replacePair(o, t);
      else if (t) this.insertPair(oursMap, t);
      else if (o) this.deletePair(o);
      return;
    }
    this.conflicts.push({ where, ours: o && this.pairText(this.ours, o).trim(), theirs: t && this.pairText(this.theirs, t).trim() });
    const block = (oursText: string, theirsText: string) =>
      this.block({ path, base: b?.value.data, ours: o?.value.data, theirs: t?.value.data }, oursText, theirsText);
    if (o) {
      const r = pairRegion(this.ours.text, o);
      const prefix = this.ours.text.slice(r.line, r.start);
      this.edits.push({ start: r.line, end: r.end, text: block(this.ours.text.slice(r.line, r.end), t ? prefix + this.moved(t, o) : '') });
    } else {
      const at = this.mapEnd(oursMap);
      this.edits.push({ start: at, end: at, text: block('', ' '.repeat(this.keyColumn(oursMap)) + this.movedTo(t!, this.keyColumn(oursMap))) });
    }
  }

  /** Conflict markers around both sides' text, saying who changed what at `site`. */
  private block(site: ConflictSite, oursText: string, theirsText: string): string {
    return conflictBlock(oursText, theirsText, this.eol, this.markers.at(site));
  }

  private pairText(side: Side, p: YPair): string {
    const r = pairRegion(side.text, p);
    return side.text.slice(r.start, r.end);
  }

  /** THEIRS' pair text at OURS' pair's indentation (every line after the first). */
  private moved(t: YPair, o: YPair): string {
    return this.movedTo(t, column(this.ours.text, o.key.start));
  }

  private movedTo(t: YPair, col: number): string {
    const text = closed(this.pairText(this.theirs, t), this.eol);
    return reindent(text, col - column(this.theirs.text, t.key.start));
  }

  private replacePair(o: YPair, t: YPair): void {
    const r = pairRegion(this.ours.text, o);
    this.edits.push({ start: r.start, end: r.end, text: this.moved(t, o) });
  }

  private insertPair(oursMap: YNode, t: YPair): void {
    const col = this.keyColumn(oursMap);
    const at = this.mapEnd(oursMap);
    this.edits.push({ start: at, end: at, text: ' '.repeat(col) + this.movedTo(t, col) });
  }

  private deletePair(o: YPair): void {
    const r = pairRegion(this.ours.text, o);
    if (this.ours.text.slice(r.line, r.start).trim() !== '') throw new Unsupported('first key of an item');
    this.edits.push({ start: r.line, end: r.end, text: '' });
  }

  private keyColumn(map: YNode): number {
    const first = map.pairs[0]?.key;
    return first ? column(this.ours.text, first.start) : 0;
  }

  private mapEnd(map: YNode): number {
    const last = map.pairs[map.pairs.length - 1] as YPair | undefined;
    if (!last) throw new Unsupported('empty map');
    return pairRegion(this.ours.text, last).end;
  }

  /** Item by item, when OURS has a block list there; false to merge the key as one value. */
  private tryList(key: string, b?: YPair, o?: YPair, t?: YPair): boolean {
    if (b && !t) return false; // THEIRS removed the whole list: one value, removed or in conflict
    const oi = blockItems(o?.value);
    const bi = b ? blockItems(b.value) : [];
    const ti = t ? blockItems(t.value) : [];
    if (!oi?.length || !bi || !ti) return false;
    const triples = key === 'visits' ? visitTriples(bi, oi, ti) : itemTriples(bi, oi, ti);
    const inserts: { item: YNode; at: number; date: string }[] = [];
    for (const x of triples) {
      const label = [key, labelOf(x.o ?? x.t ?? x.b!, key)];
      if (x.o) this.mergeItem(label, x.b, x.o, x.t, x.b !== undefined);
      else if (x.t && (!x.b || canonical(x.t.data) !== canonical(x.b.data))) {
        const at = key === 'visits' ? this.visitSlot(oi, dateOf(x.t)) : itemRegionEnd(this.ours, oi[oi.length - 1]);
        if (x.b) {
          this.conflicts.push({ where: label.join(' '), theirs: this.itemText(this.theirs, x.t).trim() });
          this.edits.push({ start: at, end: at, text: this.block({ path: label, base: x.b.data, theirs: x.t.data }, '', this.itemAt(x.t, oi[0])) });
        } else inserts.push({ item: x.t, at, date: dateOf(x.t) });
      }
    }
    inserts.sort((p, q) => p.at - q.at || (p.date < q.date ? -1 : p.date > q.date ? 1 : 0));
    for (const ins of inserts) this.edits.push({ start: ins.at, end: ins.at, text: this.itemAt(ins.item, oi[0]) });
    return true;
  }

  private mergeItem(label: string[], b: YNode | undefined, o: YNode, t: YNode | undefined, inBase: boolean): void {
    // THEIRS left the item as it was, to the byte (most items of a large plan): nothing to take.
    if (b && t && sameText(this.base, b, this.theirs, t)) return;
    const [bv, ov, tv] = [canonical(b?.data), canonical(o.data), t ? canonical(t.data) : undefined];
    if (inBase && t === undefined) {
      if (ov === bv) this.deleteItem(o);
      else this.itemConflict(label, b, o, undefined);
      return;
    }
    if (!t || tv === bv || tv === ov) return;
    if (ov === bv) {
      const r = itemRegion(this.ours.text, o);
      this.edits.push({ start: r.line, end: r.end, text: this.itemAt(t, o) });
      return;
    }
    const mark = this.edits.length;
    const conflicts = this.conflicts.length;
    try {
      this.mergeMap(label, b, o, t);
    } catch (e) {
      if (!(e instanceof Unsupported)) throw e;
      this.edits.length = mark;
      this.conflicts.length = conflicts;
      this.itemConflict(label, b, o, t);
    }
  }

  private itemConflict(label: string[], b: YNode | undefined, o: YNode, t: YNode | undefined): void {
    const r = itemRegion(this.ours.text, o);
    this.conflicts.push({ where: label.join(' '), ours: this.itemText(this.ours, o).trim(), theirs: t && this.itemText(this.theirs, t).trim() });
    this.edits.push({ start: r.line, end: r.end, text: this.block({ path: label, base: b?.data, ours: o.data, theirs: t?.data }, this.ours.text.slice(r.line, r.end), t ? this.itemAt(t, o) : '') });
  }

  private deleteItem(o: YNode): void {
    const r = itemRegion(this.ours.text, o);
    this.edits.push({ start: r.line, end: r.end, text: '' });
  }

  private itemText(side: Side, item: YNode): string {
    const r = itemRegion(side.text, item);
    return side.text.slice(r.line, r.end);
  }

  /** THEIRS' item, whole lines, at the indentation of OURS' item `like`. */
  private itemAt(t: YNode, like: YNode): string {
    const text = closed(this.itemText(this.theirs, t), this.eol);
    const delta = column(this.ours.text, like.start) - column(this.theirs.text, t.start);
    return reindent(`\n${text}`, delta).slice(1);
  }

  /** Before the first of OURS' visits dated after `date`, else after the last: the log stays in date order. */
  private visitSlot(items: readonly YNode[], date: string): number {
    const later = items.find((i) => dateOf(i) > date);
    return later ? itemRegion(this.ours.text, later).line : itemRegionEnd(this.ours, items[items.length - 1]);
  }
}

const itemRegionEnd = (side: Side, item: YNode): number => itemRegion(side.text, item).end;

/** The same text at the same column means the same value. */
const sameText = (x: Side, xn: YNode, y: Side, yn: YNode): boolean =>
  xn.end - xn.start === yn.end - yn.start && column(x.text, xn.start) === column(y.text, yn.start)
  && x.text.slice(xn.start, xn.end) === y.text.slice(yn.start, yn.end);

interface Triple { readonly b?: YNode; readonly o?: YNode; readonly t?: YNode }

const str = (v: unknown): string | undefined => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined);
const field = (item: YNode, key: string): unknown => {
  const v = item.pairs.find((p) => p.key.data === key)?.value;
  return v?.kind === 'scalar' ? v.data : undefined;
};
const dateOf = (item: YNode): string => str(field(item, 'date')) ?? '';

function labelOf(item: YNode, list: string): string {
  if (list === 'visits') return dateOf(item) || '?';
  return str(field(item, 'id')) ?? str(field(item, 'name')) ?? '?';
}

type Keyed = Identified & { readonly node: YNode };
const identified = (items: readonly YNode[]): Keyed[] =>
  items.map((node, index) => ({ index, node, id: str(field(node, 'id')), name: str(field(node, 'name')) }));

/** Stakeholders and opportunities: the diff's pairing (by id, then name, then position). */
function itemTriples(base: readonly YNode[], ours: readonly YNode[], theirs: readonly YNode[]): Triple[] {
  return triples(base, ours, theirs, (x, y) => matchItems(identified(x), identified(y)).map((p) => [p.before?.node, p.after?.node]));
}

/** Visits: the same date, purpose, people and deal first, then the same date, in file order. */
function visitTriples(base: readonly YNode[], ours: readonly YNode[], theirs: readonly YNode[]): Triple[] {
  return triples(base, ours, theirs, pairVisitNodes, exactVisitPairs);
}

/** Visits both sides added are one visit only when date, purpose, people and deal agree. */
function exactVisitPairs(ours: readonly YNode[], theirs: readonly YNode[]): [YNode | undefined, YNode | undefined][] {
  const pool = new Map<string, YNode[]>();
  for (const o of ours) pool.set(visitKey(o), [...(pool.get(visitKey(o)) ?? []), o]);
  return theirs.map((t) => [pool.get(visitKey(t))?.shift(), t]);
}

function visitKey(node: YNode): string {
  const js = node.data as Record<string, unknown>;
  return JSON.stringify([str(js.date), str(js.purpose), Array.isArray(js.with) ? js.with.map(String).sort() : [], str(js.opportunity)]);
}

type Pairing = (before: readonly YNode[], after: readonly YNode[]) => [YNode | undefined, YNode | undefined][];

function triples(base: readonly YNode[], ours: readonly YNode[], theirs: readonly YNode[], pair: Pairing, twins: Pairing = pair): Triple[] {
  const oursOf = new Map<YNode, YNode>();
  const theirsOf = new Map<YNode, YNode>();
  for (const [b, a] of pair(base, ours)) if (b && a) oursOf.set(b, a);
  for (const [b, a] of pair(base, theirs)) if (b && a) theirsOf.set(b, a);
  const inOurs = new Set(oursOf.values());
  const inTheirs = new Set(theirsOf.values());
  const newOurs = ours.filter((o) => !inOurs.has(o));
  const newTheirs = theirs.filter((t) => !inTheirs.has(t));
  const twin = new Map<YNode, YNode>();
  for (const [o, t] of twins(newOurs, newTheirs)) if (o && t) twin.set(o, t);
  const baseOf = new Map([...oursOf].map(([b, o]) => [o, b]));
  const out: Triple[] = ours.map((o) => {
    const b = baseOf.get(o);
    return { b, o, t: b ? theirsOf.get(b) : twin.get(o) };
  });
  for (const b of base) if (!oursOf.has(b)) out.push({ b, t: theirsOf.get(b) });
  const twinned = new Set(twin.values());
  for (const t of newTheirs) if (!twinned.has(t)) out.push({ t });
  return out;
}

/** The diff's own pairing of visits (pairVisits), on the fields it reads. */
function pairVisitNodes(before: readonly YNode[], after: readonly YNode[]): [YNode | undefined, YNode | undefined][] {
  const nodeOf = new Map<Visit, YNode>();
  const asVisit = (node: YNode, index: number): Visit => {
    const js = node.data as Record<string, unknown>;
    const v = {
      index, date: str(js.date), purpose: str(js.purpose), opportunity: str(js.opportunity),
      with: Array.isArray(js.with) ? js.with.map(String) : undefined,
    } as unknown as Visit;
    nodeOf.set(v, node);
    return v;
  };
  return pairVisits(before.map(asVisit), after.map(asVisit)).map((p) => [p.before && nodeOf.get(p.before), p.after && nodeOf.get(p.after)]);
}

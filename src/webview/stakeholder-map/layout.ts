/**
 * Where everything goes, in diagram units, for each of the three modes. The org chart is laid
 * out by d3-hierarchy (a tidy tree); the other two modes are bands and a matrix whose order
 * follows the org chart, so a person stays near their boss when the mode changes.
 */
import { hierarchy, tree, type HierarchyPointNode } from 'd3-hierarchy';
import type { MapLabels, MapMode, MapModel, MapPerson } from './protocol';

export interface Point { readonly x: number; readonly y: number }
export interface Box { readonly x: number; readonly y: number; readonly w: number; readonly h: number }

export const CARD = { w: 200, h: 80 } as const;
export const CHIP = { w: 172, h: 28 } as const;
export const PLACEHOLDER = { w: 200, h: 56 } as const;
const GAP = 24;
const STRIP_GAP = 48;
const RANK_GAP = 56;
const HEADING = 28;

/**
 * Size by influence: a high-influence person's card is larger (and its border heavier, in CSS). A
 * low-influence card is the natural size, never smaller, so its text stays at the stylesheet's 11 px or more.
 */
const influenceScale = (p: MapPerson): number =>
  p.influence === 'high' ? 1.2 : p.influence === 'low' ? 1 : 1.1;

export interface CardPlace { readonly person: MapPerson; readonly x: number; readonly y: number; readonly scale: number }
export interface ChipPlace { readonly person: MapPerson; readonly x: number; readonly y: number; readonly ghost: boolean }
export interface PlaceholderPlace { readonly role: string; readonly x: number; readonly y: number }
/** A polyline through `points`, or (`curve`) a cubic Bézier from the first point to the last with the two between as controls. */
export interface EdgePath { readonly from: string; readonly to: string; readonly points: readonly Point[]; readonly curve?: boolean }
export interface Label { readonly text: string; readonly x: number; readonly y: number; readonly kind: 'heading' | 'band' | 'axis' | 'axis-title'; readonly anchor?: 'start' | 'middle' | 'end' }

export interface Scene {
  readonly mode: MapMode;
  readonly cards: readonly CardPlace[];
  readonly chips: readonly ChipPlace[];
  readonly placeholders: readonly PlaceholderPlace[];
  /** reports_to lines (org chart and layers). */
  readonly edges: readonly EdgePath[];
  /** 25-grid: from the current position to the target. */
  readonly arrows: readonly EdgePath[];
  /** Decision-layer bands, or the 25 grid cells. */
  readonly areas: readonly (Box & { readonly kind: 'band' | 'cell' })[];
  readonly labels: readonly Label[];
  readonly bounds: Box;
}

const cardSize = (p: MapPerson) => { const s = influenceScale(p); return { w: CARD.w * s, h: CARD.h * s, s }; };

/** A person in the reporting forest, as d3-hierarchy walks it. */
interface OrgNode { readonly person?: MapPerson; readonly children: OrgNode[] }

/**
 * reports_to gives everyone at most one boss, so the org chart is a forest: each tree is drawn by
 * d3-hierarchy's tidy tree (Reingold–Tilford, linear time). Someone in a reporting cycle becomes
 * the root of their own tree; the line that closed the cycle is still drawn.
 */
function reportingForest(model: MapModel, inGraph: readonly MapPerson[]): OrgNode {
  const nodes = new Map(inGraph.map((p) => [p.key, { person: p, children: [] as OrgNode[] }]));
  const boss = new Map(model.edges.map((e) => [e.to, e.from]));
  const reports = new Map<string, string[]>();
  for (const e of model.edges) if (!reports.get(e.from)?.push(e.to)) reports.set(e.from, [e.to]);
  const roots: OrgNode[] = [];
  const placed = new Set<string>();
  const grow = (key: string) => {
    const stack = [key];
    placed.add(key);
    while (stack.length) {
      const k = stack.pop()!;
      for (const r of reports.get(k) ?? []) {
        if (placed.has(r)) continue;
        placed.add(r);
        nodes.get(k)!.children.push(nodes.get(r)!);
        stack.push(r);
      }
    }
  };
  const start = (p: MapPerson) => { roots.push(nodes.get(p.key)!); grow(p.key); };
  for (const p of inGraph) if (!boss.has(p.key)) start(p);
  for (const p of inGraph) if (!placed.has(p.key)) start(p);
  return { children: roots };
}

/** The org chart: a tidy tree for everyone on a reporting line, the others packed in rows below. */
function orgScene(model: MapModel, labels: MapLabels): Scene {
  const linked = new Set(model.edges.flatMap((e) => [e.from, e.to]));
  const inGraph = model.people.filter((p) => linked.has(p.key));
  const width = (n: HierarchyPointNode<OrgNode>) => (n.data.person ? cardSize(n.data.person).w : 0);
  const rowH = Math.max(0, ...inGraph.map((p) => cardSize(p).h)) + RANK_GAP;
  // nodeSize [1, 1]: separation is then the distance in px between neighbours' centres.
  const root = tree<OrgNode>().nodeSize([1, 1])
    .separation((a, b) => (width(a) + width(b)) / 2 + (a.parent === b.parent ? GAP : 2 * GAP))(hierarchy(reportingForest(model, inGraph), (n) => n.children));
  const placedNodes = root.descendants().filter((n) => n.data.person);
  const left = Math.min(0, ...placedNodes.map((n) => n.x - width(n) / 2));
  const centre = new Map(placedNodes.map((n) => [n.data.person!.key, { x: n.x - left, y: (n.depth - 1) * rowH + (rowH - RANK_GAP) / 2 }]));
  const cards: CardPlace[] = inGraph.map((p) => {
    const c = centre.get(p.key)!;
    const { w, h, s } = cardSize(p);
    return { person: p, x: c.x - w / 2, y: c.y - h / 2, scale: s };
  });
  const treeEdge = new Set(placedNodes.filter((n) => n.parent?.data.person).map((n) => `${n.parent!.data.person!.key}\n${n.data.person!.key}`));
  const byKey = new Map(cards.map((c) => [c.person.key, c]));
  const edges: EdgePath[] = model.edges.map((e) => ({ from: e.from, to: e.to, points: orgEdge(byKey.get(e.from)!, byKey.get(e.to)!, treeEdge.has(`${e.from}\n${e.to}`)) }));
  const graphW = Math.max(0, ...cards.map((c) => c.x + CARD.w * c.scale));
  const graphH = Math.max(0, ...cards.map((c) => c.y + CARD.h * c.scale));
  const labelsOut: Label[] = [];
  let y = inGraph.length ? graphH + STRIP_GAP : 0;

  const loose = model.people.filter((p) => !linked.has(p.key));
  if (loose.length) {
    if (inGraph.length) { labelsOut.push({ text: labels.unattached, x: 0, y: y + 18, kind: 'heading' }); y += HEADING; }
    packCards(loose, 0, y, Math.max(graphW, Math.min(5, loose.length) * (CARD.w * 1.2 + GAP)), cards);
  }
  return finish('org', { cards, edges, labels: labelsOut });
}

/** A reporting line squared off like an org chart, boss above report; a straight line where it closes a cycle. */
function orgEdge(from: CardPlace, to: CardPlace, inTree: boolean): Point[] {
  const box = (c: CardPlace) => ({ x: c.x + (CARD.w * c.scale) / 2, top: c.y, bottom: c.y + CARD.h * c.scale });
  const a = box(from), b = box(to);
  if (!inTree) return b.top >= a.bottom ? [{ x: a.x, y: a.bottom }, { x: b.x, y: b.top }] : [{ x: a.x, y: a.top }, { x: b.x, y: b.bottom }];
  const mid = (a.bottom + b.top) / 2;
  return [{ x: a.x, y: a.bottom }, { x: a.x, y: mid }, { x: b.x, y: mid }, { x: b.x, y: b.top }];
}

/** Cards in rows from (x, y), wrapping at `width`; returns the y below the last row. */
function packCards(people: readonly MapPerson[], x0: number, y0: number, width: number, out: CardPlace[]): number {
  let x = x0, y = y0, rowH = 0;
  for (const p of people) {
    const { w, h, s } = cardSize(p);
    if (x > x0 && x + w > x0 + width) { x = x0; y += rowH + GAP; rowH = 0; }
    out.push({ person: p, x, y, scale: s });
    x += w + GAP;
    rowH = Math.max(rowH, h);
  }
  return y + rowH;
}

function placeholderStrip(model: MapModel, labels: MapLabels, x0: number, y0: number, width: number, labelsOut: Label[], out: PlaceholderPlace[]): void {
  labelsOut.push({ text: labels.missingRole, x: x0, y: y0 + 18, kind: 'heading' });
  let x = x0, y = y0 + HEADING;
  for (const ph of model.placeholders) {
    if (x > x0 && x + PLACEHOLDER.w > x0 + width) { x = x0; y += PLACEHOLDER.h + GAP; }
    out.push({ role: ph.role, x, y });
    x += PLACEHOLDER.w + GAP;
  }
}

/** A scene from its parts, with the bounds of everything in it. */
function finish(mode: MapMode, parts: Partial<Scene>): Scene {
  const cards = parts.cards ?? [], chips = parts.chips ?? [], placeholders = parts.placeholders ?? [];
  const boxes: Box[] = [
    ...cards.map((c) => ({ x: c.x, y: c.y, w: CARD.w * c.scale, h: CARD.h * c.scale })),
    ...chips.map((c) => ({ x: c.x, y: c.y, ...CHIP })),
    ...placeholders.map((p) => ({ x: p.x, y: p.y, ...PLACEHOLDER })),
    ...(parts.areas ?? []),
    ...(parts.labels ?? []).map((l) => ({ x: l.anchor === 'end' ? l.x - 120 : l.anchor === 'middle' ? l.x - 60 : l.x, y: l.y - 16, w: 120, h: 20 })),
  ];
  const x0 = Math.min(0, ...boxes.map((b) => b.x)), y0 = Math.min(0, ...boxes.map((b) => b.y));
  const x1 = Math.max(0, ...boxes.map((b) => b.x + b.w)), y1 = Math.max(0, ...boxes.map((b) => b.y + b.h));
  return {
    mode, cards, chips, placeholders,
    edges: parts.edges ?? [], arrows: parts.arrows ?? [], areas: parts.areas ?? [], labels: parts.labels ?? [],
    bounds: { x: x0, y: y0, w: x1 - x0, h: y1 - y0 },
  };
}

/** The role gaps as a strip of dashed cards under the rest of the scene. */
function withPlaceholders(base: Scene, model: MapModel, labels: MapLabels): Scene {
  if (!model.placeholders.length) return base;
  const placeholders: PlaceholderPlace[] = [];
  const labelsOut = [...base.labels];
  const contentBottom = Math.max(0, ...[
    ...base.cards.map((c) => c.y + CARD.h * c.scale), ...base.chips.map((c) => c.y + CHIP.h),
    ...base.areas.map((a) => a.y + a.h), ...labelsOut.map((l) => l.y + 8),
  ]);
  const y0 = base.cards.length || base.chips.length || base.areas.length ? contentBottom + STRIP_GAP : 0;
  const row = Math.min(5, model.placeholders.length) * (PLACEHOLDER.w + GAP);
  placeholderStrip(model, labels, base.bounds.x, y0, Math.max(base.bounds.w, row), labelsOut, placeholders);
  return finish(base.mode, { ...base, labels: labelsOut, placeholders });
}

/** Bands for the decision, procurement and usage layers (and people without a layer), in org-chart order. */
function layersScene(model: MapModel, labels: MapLabels, order: ReadonlyMap<string, number>): Scene {
  const HEADER = 150, PAD = 16;
  const keys = ['decision', 'procurement', 'usage', 'none'] as const;
  const byOrder = (a: MapPerson, b: MapPerson) => (order.get(a.key) ?? Infinity) - (order.get(b.key) ?? Infinity) || a.index - b.index;
  // As wide as the fullest band needs (at most the row length a big plan gets), so a small plan is not drawn small.
  const fullest = Math.max(1, ...keys.map((k) => model.people.filter((p) => (p.layer ?? 'none') === k).length));
  const perRow = Math.min(fullest, Math.max(5, Math.ceil(Math.sqrt(model.people.length) * 1.6)));
  const width = perRow * (CARD.w * 1.2 + GAP);
  const cards: CardPlace[] = [];
  const areas: (Box & { kind: 'band' })[] = [];
  const labelsOut: Label[] = [];
  let y = 0;
  for (const key of keys) {
    const people = model.people.filter((p) => (p.layer ?? 'none') === key).sort(byOrder);
    if (key === 'none' && !people.length) continue;
    const top = y;
    const bottom = people.length ? packCards(people, HEADER + PAD, top + PAD, width, cards) + PAD : top + CARD.h + 2 * PAD;
    areas.push({ kind: 'band', x: 0, y: top, w: HEADER + PAD * 2 + width, h: bottom - top });
    labelsOut.push({ text: labels.layers[key], x: PAD, y: top + PAD + 18, kind: 'band' });
    y = bottom + 28;
  }
  const at = new Map(cards.map((c) => [c.person.key, c]));
  const edges: EdgePath[] = [];
  for (const e of model.edges) {
    const a = at.get(e.from), b = at.get(e.to);
    if (!a || !b) continue;
    const aw = CARD.w * a.scale, ah = CARD.h * a.scale, bw = CARD.w * b.scale, bh = CARD.h * b.scale;
    const below = b.y >= a.y + ah;
    const above = b.y + bh <= a.y;
    if (below || above) {
      const p1 = { x: a.x + aw / 2, y: below ? a.y + ah : a.y };
      const p2 = { x: b.x + bw / 2, y: below ? b.y : b.y + bh };
      const dy = (p2.y - p1.y) / 2;
      edges.push({ from: e.from, to: e.to, points: [p1, { x: p1.x, y: p1.y + dy }, { x: p2.x, y: p2.y - dy }, p2], curve: true });
    } else {
      const right = b.x >= a.x;
      const p1 = { x: right ? a.x + aw : a.x, y: a.y + ah / 2 };
      const p2 = { x: right ? b.x : b.x + bw, y: b.y + bh / 2 };
      edges.push({ from: e.from, to: e.to, points: [p1, p2] });
    }
  }
  return withPlaceholders(finish('layers', { cards, edges, areas, labels: labelsOut }), model, labels);
}

/** The 25-grid: personal 1–5 left to right, company E (bottom) to A (top); targets as dashed chips with an arrow. */
function gridScene(model: MapModel, labels: MapLabels, order: ReadonlyMap<string, number>): Scene {
  const AXIS = 150, CELL_W = CHIP.w + 20, PAD = 10, STEP = CHIP.h + 6;
  const personal = [1, 2, 3, 4, 5];
  const company = ['A', 'B', 'C', 'D', 'E'];
  const byOrder = (a: MapPerson, b: MapPerson) => (order.get(a.key) ?? Infinity) - (order.get(b.key) ?? Infinity) || a.index - b.index;
  const people = [...model.people].sort(byOrder);
  const cell = (c: string, p: number) => `${c}${p}`;
  const contents = new Map<string, { person: MapPerson; ghost: boolean }[]>();
  const put = (key: string, item: { person: MapPerson; ghost: boolean }) => {
    if (!contents.has(key)) contents.set(key, []);
    contents.get(key)!.push(item);
  };
  const offGrid: MapPerson[] = [];
  for (const p of people) {
    if (p.grid) put(cell(p.grid.company, p.grid.personal), { person: p, ghost: false });
    else offGrid.push(p);
    const t = p.target?.grid;
    if (t && (!p.grid || t.company !== p.grid.company || t.personal !== p.grid.personal)) put(cell(t.company, t.personal), { person: p, ghost: true });
  }
  const rowH = new Map(company.map((c) => [c, Math.max(56, PAD * 2 + Math.max(0, ...personal.map((p) => contents.get(cell(c, p))?.length ?? 0)) * STEP)]));
  const areas: (Box & { kind: 'cell' })[] = [];
  const labelsOut: Label[] = [];
  const chips: ChipPlace[] = [];
  let y = 24;
  labelsOut.push({ text: labels.gridCompany, x: 0, y: 14, kind: 'axis-title' });
  for (const c of company) {
    const h = rowH.get(c)!;
    labelsOut.push({ text: `${c} · ${labels.gridCompanySteps[c] ?? ''}`, x: AXIS - 12, y: y + h / 2 + 5, kind: 'axis', anchor: 'end' });
    personal.forEach((p, i) => {
      const x = AXIS + i * CELL_W;
      areas.push({ kind: 'cell', x, y, w: CELL_W, h });
      (contents.get(cell(c, p)) ?? []).forEach((item, k) => chips.push({ ...item, x: x + (CELL_W - CHIP.w) / 2, y: y + PAD + k * STEP }));
    });
    y += h;
  }
  personal.forEach((p, i) => labelsOut.push({ text: `${p} · ${labels.gridPersonalSteps[p] ?? ''}`, x: AXIS + i * CELL_W + CELL_W / 2, y: y + 20, kind: 'axis', anchor: 'middle' }));
  labelsOut.push({ text: labels.gridPersonal, x: AXIS + (5 * CELL_W) / 2, y: y + 44, kind: 'axis-title', anchor: 'middle' });
  y += 44;
  if (offGrid.length) {
    y += STRIP_GAP;
    labelsOut.push({ text: labels.notOnGrid, x: 0, y: y + 18, kind: 'heading' });
    y += HEADING;
    const perRow = Math.max(1, Math.floor((AXIS + 5 * CELL_W) / (CHIP.w + 12)));
    offGrid.forEach((p, i) => chips.push({ person: p, ghost: false, x: (i % perRow) * (CHIP.w + 12), y: y + Math.floor(i / perRow) * STEP }));
    y += Math.ceil(offGrid.length / perRow) * STEP;
  }
  const current = new Map(chips.filter((c) => !c.ghost).map((c) => [c.person.key, c]));
  const arrows: EdgePath[] = chips.filter((c) => c.ghost && current.has(c.person.key)).map((g) => {
    const from = current.get(g.person.key)!;
    return { from: g.person.key, to: g.person.key, points: [centre(from), clipToBox(centre(from), { x: g.x, y: g.y, ...CHIP })] };
  });
  return withPlaceholders(finish('grid', { chips, arrows, areas, labels: labelsOut }), model, labels);
}

const centre = (c: { x: number; y: number }): Point => ({ x: c.x + CHIP.w / 2, y: c.y + CHIP.h / 2 });

/** Where the segment from `p` to the centre of `b` enters `b`. */
function clipToBox(p: Point, b: Box): Point {
  const cx = b.x + b.w / 2, cy = b.y + b.h / 2;
  const dx = p.x - cx, dy = p.y - cy;
  if (dx === 0 && dy === 0) return { x: cx, y: cy };
  const t = Math.min(dx ? (b.w / 2) / Math.abs(dx) : Infinity, dy ? (b.h / 2) / Math.abs(dy) : Infinity);
  return { x: cx + dx * t, y: cy + dy * t };
}

/** The top-most decision makers (decision layer or economic buyer) drawn in a scene: where the map opens. */
export function focusBox(scene: Scene): Box | undefined {
  const decides = (p: MapPerson) => !p.gone && (p.layer === 'decision' || p.roles.includes('economic'));
  const boxes: Box[] = [
    ...scene.cards.filter((c) => decides(c.person)).map((c) => ({ x: c.x, y: c.y, w: CARD.w * c.scale, h: CARD.h * c.scale })),
    ...scene.chips.filter((c) => !c.ghost && decides(c.person)).map((c) => ({ x: c.x, y: c.y, ...CHIP })),
  ];
  if (!boxes.length) return undefined;
  // The top-most of them (the head of the chart, the first row of the band, the grid's highest row):
  // in a large plan they are spread too wide to centre on all at once.
  const top = Math.min(...boxes.map((b) => b.y));
  const first = boxes.filter((b) => b.y < top + CARD.h / 2);
  return union(first);
}

function union(boxes: readonly Box[]): Box {
  const x0 = Math.min(...boxes.map((b) => b.x)), y0 = Math.min(...boxes.map((b) => b.y));
  return { x: x0, y: y0, w: Math.max(...boxes.map((b) => b.x + b.w)) - x0, h: Math.max(...boxes.map((b) => b.y + b.h)) - y0 };
}

/** Left-to-right order of the org chart, for the other modes. */
function orgOrder(org: Scene): Map<string, number> {
  const sorted = [...org.cards].sort((a, b) => a.x - b.x || a.y - b.y);
  return new Map(sorted.map((c, i) => [c.person.key, i]));
}

/** The org chart (without its placeholders) is computed once per model and shared by the other modes' ordering. */
export function orgLayout(model: MapModel, labels: MapLabels): Scene {
  return orgScene(model, labels);
}

export function sceneFor(mode: MapMode, model: MapModel, labels: MapLabels, org: () => Scene): Scene {
  if (mode === 'org') return withPlaceholders(org(), model, labels);
  const order = orgOrder(org());
  return mode === 'layers' ? layersScene(model, labels, order) : gridScene(model, labels, order);
}

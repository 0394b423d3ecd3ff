/**
 * Draws a scene as SVG. Every string from the plan goes in as a text node (the `svg` helper),
 * never as markup; colours come from classes in stakeholder-map.css.
 */
import { svg } from '../shared/dom';
import { format } from '../../core/i18n/format';
import { isolateBidi } from '../../core/i18n/bidi';
import { CARD, CHIP, PLACEHOLDER, type CardPlace, type ChipPlace, type EdgePath, type PlaceholderPlace, type Point, type Scene } from './layout';
import type { MapLabels, MapPerson } from './protocol';

const TREND_ARROWS = { up: '↑', down: '↓', same: '→' } as const;

/** Rough width of a string in px: CJK and other wide characters take 1 em, the rest about 0.6 em. */
function textWidth(text: string, size: number): number {
  let w = 0;
  for (const ch of text) w += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? size : size * 0.6;
  return w;
}

/**
 * The text, cut with an ellipsis so it fits `max` px; isolated (core/i18n/bidi.ts), so a bidi
 * control in a plan's text cannot move the ellipsis or the words around it.
 */
export function fit(text: string, max: number, size: number): string {
  if (textWidth(text, size) <= max) return isolateBidi(text);
  let out = '';
  for (const ch of text) {
    if (textWidth(out + ch + '…', size) > max) break;
    out += ch;
  }
  return isolateBidi(out) + '…';
}

const letterClass = (p: { letter?: string }) => `att-${p.letter ?? 'none'}`;

/** What a screen reader hears for a person. */
function describePerson(p: MapPerson, labels: MapLabels): string {
  const parts = [isolateBidi(p.name)];
  if (p.title) parts.push(isolateBidi(p.title));
  parts.push(p.attitude ? `${p.attitude} ${labels.attitudes[p.letter ?? 'unknown']}` : labels.attitudes.unknown);
  if (p.roles.length) parts.push(p.roles.map((r) => labels.roles[r] ?? r).join(', '));
  if (p.layer) parts.push(labels.layers[p.layer]);
  parts.push(labels.freshness[p.freshness]);
  if (p.gone && p.left) parts.push(format(labels.left, { date: p.left }));
  return parts.join('; ');
}

/** Every part of a scene at full detail: what the export writes to a file (the panel draws only what is in view: visible-scene.ts). */
export function drawScene(scene: Scene, labels: MapLabels, selected: string | undefined): SVGGElement {
  const { root, edges, nodes } = sceneGroups(scene);
  for (const e of scene.edges) edges.append(edgePath(e));
  for (const e of scene.arrows) edges.append(arrowPath(e));
  for (const c of scene.cards) nodes.append(card(c, labels, selected));
  for (const c of scene.chips) nodes.append(chip(c, labels, selected));
  for (const p of scene.placeholders) nodes.append(placeholder(p, labels));
  return root;
}

/** The scene's root with its bands or cells and their labels drawn, and empty groups for the lines and the people. */
export function sceneGroups(scene: Scene): { root: SVGGElement; edges: SVGGElement; nodes: SVGGElement } {
  const root = svg('g', { class: `scene mode-${scene.mode}` });
  const areas = svg('g', { class: 'areas' });
  for (const a of scene.areas) areas.append(svg('rect', { class: a.kind, x: a.x, y: a.y, width: a.w, height: a.h, rx: a.kind === 'band' ? 8 : 0 }));
  const texts = svg('g', { class: 'labels' });
  for (const l of scene.labels) texts.append(svg('text', { class: l.kind, x: l.x, y: l.y, 'text-anchor': l.anchor ?? 'start' }, l.text));
  const edges = svg('g', { class: 'edges' });
  const nodes = svg('g', { class: 'nodes' });
  root.append(areas, texts, edges, nodes);
  return { root, edges, nodes };
}

export const edgePath = (e: EdgePath): SVGPathElement => svg('path', { class: 'edge', d: pathOf(e), 'data-from': e.from, 'data-to': e.to });
export const arrowPath = (e: EdgePath): SVGPathElement => svg('path', { class: 'arrow', d: pathOf(e), 'marker-end': 'url(#sm-arrow)', 'data-key': e.from });

export function arrowMarker(): SVGDefsElement {
  return svg('defs', {}, svg('marker', { id: 'sm-arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' },
    svg('path', { class: 'arrow-head', d: 'M0,0 L10,5 L0,10 z' })));
}

function pathOf(e: EdgePath): string {
  const xy = (p: Point) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`;
  if (e.curve && e.points.length === 4) return `M${xy(e.points[0])} C${xy(e.points[1])} ${xy(e.points[2])} ${xy(e.points[3])}`;
  return e.points.map((p, i) => `${i ? 'L' : 'M'}${xy(p)}`).join(' ');
}

function nodeAttrs(p: MapPerson, labels: MapLabels, kind: string, selected: string | undefined, ...extra: string[]) {
  return {
    class: [kind, letterClass(p), p.influence ? `inf-${p.influence}` : 'inf-none', p.gone ? 'gone' : '', p.key === selected ? 'selected' : '', ...extra].filter(Boolean).join(' '),
    'data-key': p.key,
    'data-index': p.index,
    tabindex: 0,
    role: 'button',
    'aria-label': describePerson(p, labels),
  };
}

export function card(c: CardPlace, labels: MapLabels, selected: string | undefined): SVGGElement {
  const p = c.person;
  const g = svg('g', { ...nodeAttrs(p, labels, 'card', selected), transform: `translate(${c.x.toFixed(1)},${c.y.toFixed(1)}) scale(${c.scale})` });
  const textX = 46, textW = CARD.w - textX - 20;
  g.append(
    svg('rect', { class: 'card-bg', width: CARD.w, height: CARD.h, rx: 6 }),
    svg('rect', { class: 'att-badge', x: 8, y: 8, width: 30, height: 30, rx: 4 }),
    svg('text', { class: 'att-letter', x: 23, y: 28, 'text-anchor': 'middle' }, p.attitude ?? '?'),
    svg('text', { class: 'name', x: textX, y: 22 }, fit(p.name, textW, 13)),
  );
  if (p.trend) g.append(svg('text', { class: `trend trend-${p.trend.direction}`, x: 23, y: 58, 'text-anchor': 'middle' }, TREND_ARROWS[p.trend.direction]));
  if (p.title) g.append(svg('text', { class: 'title', x: textX, y: 38 }, fit(p.title, CARD.w - textX - 8, 11)));
  const layerText = p.gone && p.left ? format(labels.left, { date: p.left }) : p.layer ? labels.layers[p.layer] : '';
  if (layerText) g.append(svg('text', { class: 'layer', x: textX, y: 53 }, fit(layerText, CARD.w - textX - 8, 11)));
  let x = textX;
  for (const [i, role] of p.roles.entries()) {
    const text = labels.rolesShort[role] ?? role;
    const w = textWidth(text, 11) + 10;
    if (x + w > CARD.w - 6) {
      g.append(svg('text', { class: 'role-more', x, y: 71 }, `+${p.roles.length - i}`));
      break;
    }
    g.append(svg('rect', { class: `role role-${role}`, x, y: 59, width: w, height: 16, rx: 8 }), svg('text', { class: 'role-text', x: x + w / 2, y: 71, 'text-anchor': 'middle' }, text));
    x += w + 4;
  }
  g.append(freshnessDot(p.freshness, CARD.w - 12, 12, 5));
  return g;
}

function freshnessDot(f: MapPerson['freshness'], cx: number, cy: number, r: number): SVGElement {
  if (f !== 'ageing') return svg('circle', { class: `fresh fresh-${f}`, cx, cy, r });
  // Ageing: a half-filled dot, so the four states differ in shape as well as colour.
  return svg('g', { class: 'fresh fresh-ageing' },
    svg('circle', { class: 'fresh-ring', cx, cy, r }),
    svg('path', { class: 'fresh-half', d: `M${cx},${cy - r} A${r},${r} 0 0 0 ${cx},${cy + r} Z` }));
}

/** A chip's person, coloured by the target's attitude when it is the dashed chip of a target. */
function chipAttrs(c: ChipPlace, labels: MapLabels, selected: string | undefined, detail = '') {
  const p = c.person;
  const letter = (c.ghost ? p.target?.attitude : p.attitude)?.[0];
  const attrs = nodeAttrs({ ...p, letter: letter as MapPerson['letter'] }, labels, 'chip', selected, c.ghost ? 'ghost' : '', detail);
  return c.ghost ? { ...attrs, 'aria-label': `${labels.target}: ${describePerson(p, labels)}` } : attrs;
}

export function chip(c: ChipPlace, labels: MapLabels, selected: string | undefined): SVGGElement {
  const p = c.person;
  const attitude = c.ghost ? p.target?.attitude : p.attitude;
  const g = svg('g', { ...chipAttrs(c, labels, selected), transform: `translate(${c.x.toFixed(1)},${c.y.toFixed(1)})` });
  g.append(
    svg('rect', { class: 'chip-bg', width: CHIP.w, height: CHIP.h, rx: 5 }),
    svg('rect', { class: 'att-badge', x: 4, y: 4, width: 22, height: 20, rx: 3 }),
    svg('text', { class: 'att-letter small', x: 15, y: 18, 'text-anchor': 'middle' }, attitude ?? (c.ghost ? '' : '?')),
    svg('text', { class: 'name', x: 32, y: 18 }, fit(c.ghost ? `${labels.target}: ${isolateBidi(p.name)}` : p.name, CHIP.w - 32 - 18, 12)),
  );
  if (!c.ghost) g.append(freshnessDot(p.freshness, CHIP.w - 10, CHIP.h / 2, 4));
  return g;
}

/*
 * A person as one shape in the attitude colour (the stylesheet's palette), for a zoom at which a
 * card's words cannot be read (in-view.ts: detailAt). It keeps the card's place and size, its
 * name for screen readers, focus, hover and selection.
 */
export function simpleCard(c: CardPlace, labels: MapLabels, selected: string | undefined): SVGRectElement {
  return svg('rect', { ...nodeAttrs(c.person, labels, 'card', selected, 'simple'), x: c.x, y: c.y, width: CARD.w * c.scale, height: CARD.h * c.scale, rx: 6 * c.scale });
}

export function simpleChip(c: ChipPlace, labels: MapLabels, selected: string | undefined): SVGRectElement {
  return svg('rect', { ...chipAttrs(c, labels, selected, 'simple'), x: c.x, y: c.y, width: CHIP.w, height: CHIP.h, rx: 5 });
}

export function placeholder(p: PlaceholderPlace, labels: MapLabels): SVGGElement {
  const role = labels.roles[p.role] ?? p.role;
  return svg('g', { class: 'placeholder', 'data-role': p.role, transform: `translate(${p.x},${p.y})`, 'aria-label': format(labels.nobodyHolds, { role }) },
    svg('rect', { class: 'placeholder-bg', width: PLACEHOLDER.w, height: PLACEHOLDER.h, rx: 6 }),
    svg('text', { class: 'placeholder-role', x: PLACEHOLDER.w / 2, y: 24, 'text-anchor': 'middle' }, fit(role, PLACEHOLDER.w - 16, 13)),
    svg('text', { class: 'placeholder-note', x: PLACEHOLDER.w / 2, y: 42, 'text-anchor': 'middle' }, fit(format(labels.nobodyHolds, { role }), PLACEHOLDER.w - 16, 11)));
}

/**
 * The part of a scene the panel shows, drawn and kept up to date as the view pans and zooms: the
 * people (and the lines between them) in view plus a margin, full cards while their words can be
 * read and one shape each when zoomed out further (in-view.ts). Bands, cells and their labels are
 * few and always drawn. The drawn people stay in scene order in the DOM, so Tab order is scene order.
 */
import { CARD, CHIP, PLACEHOLDER, type Box, type Scene } from './layout';
import { arrowPath, card, chip, edgePath, placeholder, sceneGroups, simpleCard, simpleChip } from './draw';
import { boxOfPoints, detailAt, DRAW_MARGIN_PX, intersects, KEEP_MARGIN_PX, visibleBox, type Detail, type PanelSize } from './in-view';
import type { MapLabels } from './protocol';
import type { View } from './pan-zoom';

interface Item {
  readonly box: Box;
  /** Cards and chips take focus (a person); placeholders do not. */
  readonly person: boolean;
  draw(detail: Detail, selected: string | undefined): Element;
}

export class VisibleScene {
  readonly root: SVGGElement;
  private readonly edges: SVGGElement;
  private readonly nodes: SVGGElement;
  private readonly people: readonly Item[];
  private readonly lines: readonly Item[];
  private readonly drawnPeople = new Map<number, Element>();
  private readonly drawnLines = new Map<number, Element>();
  private readonly itemOf = new WeakMap<Element, number>();
  private detail: Detail | undefined;
  /** The person with keyboard focus stays drawn wherever the view goes, so focus is never lost to culling. */
  private pinned: number | undefined;

  constructor(scene: Scene, labels: MapLabels, private selected: string | undefined) {
    ({ root: this.root, edges: this.edges, nodes: this.nodes } = sceneGroups(scene));
    this.people = [
      ...scene.cards.map((c): Item => ({
        box: { x: c.x, y: c.y, w: CARD.w * c.scale, h: CARD.h * c.scale }, person: true,
        draw: (d, s) => (d === 'full' ? card(c, labels, s) : simpleCard(c, labels, s)),
      })),
      ...scene.chips.map((c): Item => ({
        box: { x: c.x, y: c.y, ...CHIP }, person: true,
        draw: (d, s) => (d === 'full' ? chip(c, labels, s) : simpleChip(c, labels, s)),
      })),
      ...scene.placeholders.map((p): Item => ({ box: { x: p.x, y: p.y, ...PLACEHOLDER }, person: false, draw: () => placeholder(p, labels) })),
    ];
    this.lines = [
      ...scene.edges.map((e): Item => ({ box: boxOfPoints(e.points), person: false, draw: () => edgePath(e) })),
      ...scene.arrows.map((e): Item => ({ box: boxOfPoints(e.points), person: false, draw: () => arrowPath(e) })),
    ];
  }

  /** Draws what `view` shows on a panel of `size` (plus the margin) and drops what has gone far out of it. */
  update(view: View, panel: PanelSize): void {
    const detail = detailAt(view.k);
    let refocus: number | undefined;
    if (detail !== this.detail) {
      refocus = this.focusedItem();
      if (refocus !== undefined) this.pinned = refocus;
      this.drawnPeople.forEach((e) => e.remove());
      this.drawnPeople.clear();
      this.detail = detail;
    }
    const near = visibleBox(view, panel, DRAW_MARGIN_PX), kept = visibleBox(view, panel, KEEP_MARGIN_PX);
    const wanted = (item: Item, drawn: boolean) => intersects(item.box, drawn ? kept : near);
    sync(this.nodes, this.people, this.drawnPeople, (item, i, drawn) => i === this.pinned || wanted(item, drawn), (item, i) => {
      const e = item.draw(detail, this.selected);
      this.itemOf.set(e, i);
      return e;
    });
    sync(this.edges, this.lines, this.drawnLines, (item, _, drawn) => wanted(item, drawn), (item) => item.draw(detail, this.selected));
    if (refocus !== undefined) (this.drawnPeople.get(refocus) as SVGElement | undefined)?.focus({ preventScroll: true });
  }

  /** The person next to `from` in scene order (`step` 1) or before it (-1), drawn or not; none at either end. */
  next(from: Element, step: 1 | -1): number | undefined {
    const i = this.itemOf.get(from);
    if (i === undefined) return undefined;
    for (let j = i + step; j >= 0 && j < this.people.length; j += step) if (this.people[j].person) return j;
    return undefined;
  }

  indexOf(e: Element): number | undefined {
    return this.itemOf.get(e);
  }

  boxOf(i: number): Box {
    return this.people[i].box;
  }

  element(i: number): SVGElement | undefined {
    return this.drawnPeople.get(i) as SVGElement | undefined;
  }

  pin(i: number | undefined): void {
    this.pinned = i;
  }

  select(key: string | undefined): void {
    this.selected = key;
    this.nodes.querySelectorAll('.selected').forEach((n) => n.classList.remove('selected'));
    if (key !== undefined) this.nodes.querySelectorAll(`[data-key="${CSS.escape(key)}"]`).forEach((n) => n.classList.add('selected'));
  }

  private focusedItem(): number | undefined {
    const active = document.activeElement;
    return active && this.nodes.contains(active) ? this.itemOf.get(active) : undefined;
  }
}

/**
 * Makes `group`'s children the drawn items that `wanted` keeps, in item order, in one pass: an
 * item drawn and still wanted stays as it is; a new one goes in before the next drawn one.
 */
function sync(group: Element, items: readonly Item[], drawn: Map<number, Element>, wanted: (item: Item, i: number, drawn: boolean) => boolean, make: (item: Item, i: number) => Element): void {
  let cursor: ChildNode | null = group.firstChild;
  items.forEach((item, i) => {
    const e = drawn.get(i);
    if (wanted(item, i, !!e)) {
      if (e) cursor = e.nextSibling;
      else {
        const made = make(item, i);
        group.insertBefore(made, cursor);
        drawn.set(i, made);
      }
    } else if (e) {
      cursor = e.nextSibling;
      e.remove();
      drawn.delete(i);
    }
  });
}

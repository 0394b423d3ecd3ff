import { el, svg, type WebviewApi } from '../shared/dom';
import { LatestRevision } from '../shared/revision';
import { isolateBidi } from '../../core/i18n/bidi';
import { arrowMarker, drawScene } from './draw';
import { exportSvg, svgToPng } from './export';
import { viewShowing, type PanelSize } from './in-view';
import { focusBox, orgLayout, sceneFor, type Scene } from './layout';
import { openingView } from './opening-view';
import { PanZoom } from './pan-zoom';
import type { ExportFormat, HostMessage, MapLabels, MapMode, MapModel, MapState, WebviewMessage } from './protocol';
import { tooltipContent } from './tooltip';
import { VisibleScene } from './visible-scene';

const MODES: readonly MapMode[] = ['org', 'layers', 'grid'];
const LETTERS = ['A', 'B', 'C', 'D', 'E'] as const;
const FRESHNESS = ['fresh', 'ageing', 'stale', 'never'] as const;

interface Current {
  readonly revision: number;
  readonly model: MapModel;
  readonly labels: MapLabels;
  org?: Scene;
  scene?: Scene;
}

/** The stakeholder map page: toolbar, legend, the SVG stage and its tooltip. */
export class StakeholderMapApp {
  private state: MapState;
  private current: Current | undefined;
  /** The host's words (the page has none of its own): the toolbar and legend wait for the first message. */
  private labels: MapLabels | undefined;
  private readonly toolbar = el('div', { class: 'toolbar', role: 'toolbar' });
  private readonly heading = el('h1', { class: 'account' });
  private readonly legend = el('div', { class: 'legend' });
  private readonly surface = svg('svg', { class: 'map', role: 'group' });
  private readonly viewport = svg('g', { class: 'viewport' });
  private readonly defs = arrowMarker();
  private readonly tip = el('div', { class: 'tooltip', role: 'tooltip', hidden: true });
  private readonly notice = el('div', { class: 'notice', role: 'status' });
  private readonly panZoom: PanZoom;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly revisions = new LatestRevision();
  /** What is drawn of the current scene: the part in view (visible-scene.ts). */
  private drawing: VisibleScene | undefined;
  /** The panel's size, kept by a ResizeObserver so that a pan does not force a layout to learn it. */
  private panel: PanelSize | undefined;
  private frame = 0;

  constructor(root: HTMLElement, private readonly api: WebviewApi<MapState>) {
    const saved = api.getState();
    this.state = { mode: saved && MODES.includes(saved.mode) ? saved.mode : 'org', views: saved?.views ?? {}, selected: saved?.selected, planUri: saved?.planUri };
    this.surface.append(this.defs, this.viewport);
    this.panZoom = new PanZoom(this.surface, this.viewport, (v) => {
      this.state = { ...this.state, views: { ...this.state.views, [this.state.mode]: v } };
      this.saveSoon();
      this.drawSoon();
    });
    new ResizeObserver(() => {
      this.panel = undefined;
      this.drawSoon();
    }).observe(this.surface);
    const stage = el('div', { class: 'stage' }, this.surface, this.tip, this.notice);
    root.replaceChildren(el('header', {}, this.heading, this.toolbar, this.legend), stage);
    // Until the first message brings the words, the page shows the one the host put into its HTML.
    this.notice.textContent = root.dataset.loading ?? '';
    this.buildToolbar();
    this.listen();
    window.addEventListener('message', (e: MessageEvent) => this.onMessage(e.data as HostMessage));
    this.post({ type: 'ready' });
  }

  private post(m: WebviewMessage): void {
    this.api.postMessage(m);
  }

  private onMessage(m: HostMessage): void {
    if (!m || typeof m !== 'object' || !this.revisions.accept(m)) return;
    if (m.labels) this.labels = m.labels;
    if (m.type === 'model') {
      if (!this.labels) return; // nothing to draw with before the host's words arrive
      this.current = { revision: m.revision, model: m.model, labels: this.labels };
      if (m.planUri !== this.state.planUri) this.state = { ...this.state, planUri: m.planUri };
      this.render();
    } else if (m.type === 'unavailable') {
      this.current = undefined;
      this.drawing = undefined;
      this.state = { ...this.state, planUri: m.planUri };
      this.viewport.replaceChildren();
      this.notice.textContent = m.message;
      this.notice.hidden = false;
      this.buildToolbar();
      this.save();
    }
  }

  private render(): void {
    const c = this.current;
    if (!c) return;
    const t0 = performance.now();
    c.org ??= orgLayout(c.model, c.labels);
    const scene = sceneFor(this.state.mode, c.model, c.labels, () => c.org!);
    c.scene = scene;
    if (this.state.selected && !c.model.people.some((p) => p.key === this.state.selected)) this.state = { ...this.state, selected: undefined };
    const panel = this.panelSize();
    this.panZoom.set(this.state.views[this.state.mode] ?? openingView(scene.bounds, focusBox(scene), panel));
    this.drawing = new VisibleScene(scene, c.labels, this.state.selected);
    this.drawNow();
    this.viewport.replaceChildren(this.drawing.root);
    this.heading.textContent = c.model.account;
    this.notice.hidden = true;
    this.buildToolbar();
    const ms = performance.now() - t0;
    this.save();
    this.post({
      type: 'rendered', revision: c.revision, mode: this.state.mode, ms,
      cards: scene.cards.length + scene.chips.filter((x) => !x.ghost).length, placeholders: scene.placeholders.length,
    });
  }

  private panelSize(): PanelSize {
    return (this.panel ??= this.panZoom.size());
  }

  /** Pan and zoom come many times a frame (wheel, drag): what is in view is drawn once per frame. */
  private drawSoon(): void {
    if (!this.frame) this.frame = requestAnimationFrame(() => this.drawNow());
  }

  private drawNow(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.drawing?.update(this.panZoom.view, this.panelSize());
  }

  /**
   * Moves keyboard focus to person `i` of the scene: panned into view and drawn first when the
   * view had culled it, so every person is reachable with Tab at any zoom.
   */
  private focusPerson(i: number): void {
    const d = this.drawing;
    if (!d) return;
    this.panZoom.set(viewShowing(d.boxOf(i), this.panZoom.view, this.panelSize()));
    d.pin(i);
    this.drawNow();
    d.element(i)?.focus({ preventScroll: true });
  }

  private buildToolbar(): void {
    const L = this.labels;
    if (!L) return;
    const button = (text: string, title: string, action: () => void, attrs: Record<string, string | boolean> = {}) => {
      const b = el('button', { type: 'button', title, 'aria-label': title, ...attrs }, text);
      b.addEventListener('click', action);
      return b;
    };
    const modes = el('div', { class: 'group modes' }, ...MODES.map((m) =>
      button(L.modes[m], L.modes[m], () => this.setMode(m), { 'data-mode': m, 'aria-pressed': String(m === this.state.mode) })));
    const zoom = el('div', { class: 'group zoom' },
      button('−', L.zoomOut, () => this.panZoom.zoomBy(1 / 1.25), { 'data-action': 'zoom-out' }),
      button('+', L.zoomIn, () => this.panZoom.zoomBy(1.25), { 'data-action': 'zoom-in' }),
      button(L.fit, L.fit, () => this.fit(), { 'data-action': 'fit' }));
    const exports = el('div', { class: 'group export' },
      button('SVG', L.exportSvg, () => void this.export('svg'), { 'data-action': 'export-svg', disabled: !this.current }),
      button('PNG', L.exportPng, () => void this.export('png'), { 'data-action': 'export-png', disabled: !this.current }));
    this.toolbar.replaceChildren(modes, zoom, exports);
    this.legend.replaceChildren(
      ...LETTERS.map((l) => el('span', { class: `key att-${l}` }, el('span', { class: 'swatch' }, l), L.attitudes[l])),
      ...FRESHNESS.map((f) => el('span', { class: `key fresh-key fresh-${f}` }, el('span', { class: 'dot' }), L.freshness[f])),
    );
  }

  private setMode(mode: MapMode): void {
    if (mode === this.state.mode) return;
    this.state = { ...this.state, mode };
    this.hideTip();
    this.render();
  }

  private fit(): void {
    const scene = this.current?.scene;
    if (scene) this.panZoom.fit(scene.bounds);
  }

  private listen(): void {
    const nodeOf = (t: EventTarget | null) => (t instanceof Element ? t.closest<SVGElement>('[data-key]') : null);
    this.surface.addEventListener('click', (e) => {
      const node = nodeOf(e.target);
      if (node) this.activate(node);
      else this.select(undefined);
    });
    this.surface.addEventListener('keydown', (e) => {
      const node = nodeOf(e.target);
      if (node && (e.key === 'Enter' || e.key === ' ')) {
        e.preventDefault();
        this.activate(node);
      } else if (node && e.key === 'Tab' && !e.altKey && !e.ctrlKey && !e.metaKey) {
        // Tab goes through the people in scene order, the culled ones too; past either end it leaves the map.
        const next = this.drawing?.next(node, e.shiftKey ? -1 : 1);
        if (next === undefined) return;
        e.preventDefault();
        this.focusPerson(next);
      }
    });
    this.surface.addEventListener('pointerover', (e) => {
      const node = nodeOf(e.target);
      if (node) this.showTip(node, e.clientX, e.clientY);
    });
    this.surface.addEventListener('pointermove', (e) => {
      if (!this.tip.hidden) this.placeTip(e.clientX, e.clientY);
    });
    this.surface.addEventListener('pointerout', (e) => {
      if (!nodeOf(e.relatedTarget)) this.hideTip();
    });
    this.surface.addEventListener('focusin', (e) => {
      const node = nodeOf(e.target);
      const i = node ? this.drawing?.indexOf(node) : undefined;
      if (!node || i === undefined) return;
      this.drawing?.pin(i);
      // Focus from the keyboard (Tab into the map lands on the first person drawn, maybe in the margin) shows the person.
      if (node.matches(':focus-visible')) this.panZoom.set(viewShowing(this.drawing!.boxOf(i), this.panZoom.view, this.panelSize()));
      const r = node.getBoundingClientRect();
      this.showTip(node, r.right, r.top);
    });
    this.surface.addEventListener('focusout', () => {
      this.drawing?.pin(undefined);
      this.hideTip();
    });
    document.addEventListener('keydown', (e) => {
      if (e.target instanceof HTMLButtonElement || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === '+' || e.key === '=') this.panZoom.zoomBy(1.25);
      else if (e.key === '-') this.panZoom.zoomBy(1 / 1.25);
      else if (e.key === '0') this.fit();
      else if (e.key === 'Escape') this.hideTip();
    });
  }

  private activate(node: SVGElement): void {
    const key = node.getAttribute('data-key') ?? undefined;
    // A card says its person's index; an arrow only its person's key (Number(null) would be 0: the first person).
    const own = node.getAttribute('data-index');
    const index = own !== null ? Number(own) : this.current?.model.people.find((p) => p.key === key)?.index;
    this.select(key);
    if (index !== undefined && Number.isInteger(index)) this.post({ type: 'reveal', index });
  }

  private select(key: string | undefined): void {
    if (key === this.state.selected) return;
    this.state = { ...this.state, selected: key };
    this.drawing?.select(key);
    this.save();
  }

  private showTip(node: SVGElement, x: number, y: number): void {
    const key = node.getAttribute('data-key');
    const person = this.current?.model.people.find((p) => p.key === key);
    if (!person || !this.current) return;
    this.tip.replaceChildren(tooltipContent(person, this.current.labels));
    this.tip.hidden = false;
    this.placeTip(x, y);
  }

  /** Near the pointer, flipped to stay inside the stage (moved with CSSOM: the CSP forbids style attributes). */
  private placeTip(x: number, y: number): void {
    const stage = this.tip.parentElement!.getBoundingClientRect();
    const w = this.tip.offsetWidth, h = this.tip.offsetHeight;
    let left = x - stage.left + 14, top = y - stage.top + 14;
    if (left + w > stage.width - 4) left = Math.max(4, x - stage.left - w - 14);
    if (top + h > stage.height - 4) top = Math.max(4, stage.height - h - 4);
    this.tip.style.left = `${left}px`;
    this.tip.style.top = `${top}px`;
  }

  private hideTip(): void {
    this.tip.hidden = true;
  }

  private async export(format: ExportFormat): Promise<void> {
    const c = this.current;
    const scene = c?.scene;
    if (!c || !scene) return;
    const bg = getComputedStyle(this.surface).getPropertyValue('background-color') || '#ffffff';
    // The file holds every person at full detail, not only what the panel shows: drawn whole, out of
    // sight (display none: styled for the export, never laid out or painted), and taken away again.
    const whole = drawScene(scene, c.labels, this.state.selected);
    const staging = svg('g', { class: 'export-staging', display: 'none' }, whole);
    this.surface.append(staging);
    let out: ReturnType<typeof exportSvg>;
    try {
      out = exportSvg(whole, this.defs, scene.bounds, `${isolateBidi(c.model.account)} · ${c.labels.modes[this.state.mode]} · ${c.model.today}`, bg);
    } finally {
      staging.remove();
    }
    try {
      const data = format === 'svg' ? out.text : await svgToPng(out.text, out.width, out.height);
      this.post({ type: 'export', format, data });
    } catch (e) {
      this.notice.textContent = `${format.toUpperCase()}: ${e instanceof Error ? e.message : String(e)}`;
      this.notice.hidden = false;
    }
  }

  private save(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    this.api.setState(this.state);
  }

  /** Pan and zoom change many times a second: keep the state once they settle. */
  private saveSoon(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => this.save(), 150);
  }
}

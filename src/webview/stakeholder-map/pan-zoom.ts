import type { View } from './in-view';
import type { Box } from './layout';

export type { View };

/** Far enough out that "Fit to panel" shows a 500-person org chart whole (about 77,000 units wide). */
const MIN_K = 0.01;
const MAX_K = 4;
const DRAG_PX = 4;

/**
 * Pan (drag) and zoom (wheel, buttons, keys) of one SVG group by a `translate(x,y) scale(k)`
 * transform. A drag that moved is remembered so the click that ends it selects nothing.
 */
export class PanZoom {
  private current: View = { x: 0, y: 0, k: 1 };
  private drag: { id: number; sx: number; sy: number; view: View; moved: boolean } | undefined;
  private suppressClick = false;

  constructor(private readonly surface: SVGSVGElement, private readonly target: SVGGElement, private readonly onChange: (v: View) => void) {
    surface.addEventListener('wheel', (e) => this.onWheel(e), { passive: false });
    surface.addEventListener('pointerdown', (e) => this.onDown(e));
    surface.addEventListener('pointermove', (e) => this.onMove(e));
    surface.addEventListener('pointerup', (e) => this.onUp(e));
    surface.addEventListener('pointercancel', (e) => this.onUp(e));
    // Runs before the map's own click handler (capture), and swallows the click that ends a drag.
    surface.addEventListener('click', (e) => {
      if (this.suppressClick) { e.stopPropagation(); this.suppressClick = false; }
    }, true);
  }

  get view(): View {
    return this.current;
  }

  set(v: View): void {
    const k = clamp(v.k);
    this.current = { x: finite(v.x), y: finite(v.y), k };
    this.target.setAttribute('transform', `translate(${this.current.x.toFixed(2)},${this.current.y.toFixed(2)}) scale(${k.toFixed(4)})`);
    this.onChange(this.current);
  }

  /** Shows all of `bounds`, centred across and from the top down (no empty band above), at most at 100 %. */
  fit(bounds: Box, margin = 24): void {
    const { width, height } = this.size();
    const k = clamp(Math.min((width - 2 * margin) / Math.max(bounds.w, 1), (height - 2 * margin) / Math.max(bounds.h, 1), 1));
    this.set({ k, x: (width - bounds.w * k) / 2 - bounds.x * k, y: margin - bounds.y * k });
  }

  /** Zooms by `factor` around a point of the surface (its centre by default). */
  zoomBy(factor: number, at?: { x: number; y: number }): void {
    const { width, height } = this.size();
    const p = at ?? { x: width / 2, y: height / 2 };
    const v = this.current;
    const k = clamp(v.k * factor);
    this.set({ k, x: p.x - ((p.x - v.x) * k) / v.k, y: p.y - ((p.y - v.y) * k) / v.k });
  }

  size(): { width: number; height: number } {
    const r = this.surface.getBoundingClientRect();
    return { width: r.width || 800, height: r.height || 600 };
  }

  private local(e: MouseEvent): { x: number; y: number } {
    const r = this.surface.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  }

  private onWheel(e: WheelEvent): void {
    e.preventDefault();
    const scale = e.deltaMode === 1 ? 30 : e.deltaMode === 2 ? 300 : 1;
    if (e.ctrlKey || !e.shiftKey) this.zoomBy(Math.exp((-e.deltaY * scale) / 500), this.local(e));
    else this.set({ ...this.current, x: this.current.x - e.deltaY * scale });
  }

  private onDown(e: PointerEvent): void {
    if (e.button !== 0) return;
    this.drag = { id: e.pointerId, sx: e.clientX, sy: e.clientY, view: this.current, moved: false };
  }

  private onMove(e: PointerEvent): void {
    const d = this.drag;
    if (!d || d.id !== e.pointerId) return;
    const dx = e.clientX - d.sx, dy = e.clientY - d.sy;
    if (!d.moved && Math.hypot(dx, dy) < DRAG_PX) return;
    if (!d.moved) {
      d.moved = true;
      this.surface.setPointerCapture(e.pointerId);
      this.surface.classList.add('panning');
    }
    this.set({ ...d.view, x: d.view.x + dx, y: d.view.y + dy });
  }

  private onUp(e: PointerEvent): void {
    const d = this.drag;
    if (!d || d.id !== e.pointerId) return;
    this.drag = undefined;
    if (d.moved) {
      this.suppressClick = e.type === 'pointerup';
      this.surface.classList.remove('panning');
      if (this.surface.hasPointerCapture(e.pointerId)) this.surface.releasePointerCapture(e.pointerId);
    }
  }
}

const clamp = (k: number) => Math.min(MAX_K, Math.max(MIN_K, Number.isFinite(k) && k > 0 ? k : 1));
const finite = (n: number) => (Number.isFinite(n) ? n : 0);

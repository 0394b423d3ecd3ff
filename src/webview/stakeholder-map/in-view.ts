/**
 * What part of a scene the panel shows, and how much of each card is worth drawing there. Pure
 * arithmetic on boxes in diagram units, so the page draws only what is in view (plus a margin)
 * and a test can check the numbers without a browser.
 */
import type { Box, Point } from './layout';

/** A pan and zoom: a diagram point (x, y) is drawn at screen (x·k + view.x, y·k + view.y). */
export interface View { readonly x: number; readonly y: number; readonly k: number }
export interface PanelSize { readonly width: number; readonly height: number }

/** How far beyond the panel's edges cards are drawn, in screen px: a short pan needs no new card. */
export const DRAW_MARGIN_PX = 160;
/** Cards are kept until they are this far out (twice the margin), so panning back and forth does not redraw them. */
export const KEEP_MARGIN_PX = 2 * DRAW_MARGIN_PX;

/** The smallest text a card prints (the stylesheet's 11 px) and the size on screen under which it cannot be read. */
const SMALLEST_TEXT_PX = 11;
const READABLE_PX = 6;

export type Detail = 'full' | 'simple';

/** Full cards while their smallest text is readable on screen; below that, one shape in the attitude colour per person. */
export function detailAt(k: number): Detail {
  return SMALLEST_TEXT_PX * k >= READABLE_PX ? 'full' : 'simple';
}

/** The diagram box the panel shows at `view`, grown by `marginPx` screen px on every side. */
export function visibleBox(view: View, panel: PanelSize, marginPx: number): Box {
  const m = marginPx / view.k;
  return { x: -view.x / view.k - m, y: -view.y / view.k - m, w: panel.width / view.k + 2 * m, h: panel.height / view.k + 2 * m };
}

export function intersects(a: Box, b: Box): boolean {
  return a.x <= b.x + b.w && b.x <= a.x + a.w && a.y <= b.y + b.h && b.y <= a.y + a.h;
}

/** The box around a polyline or a Bézier's points (a cubic curve stays inside its control points). */
export function boxOfPoints(points: readonly Point[]): Box {
  const xs = points.map((p) => p.x), ys = points.map((p) => p.y);
  const x = Math.min(...xs), y = Math.min(...ys);
  return { x, y, w: Math.max(...xs) - x, h: Math.max(...ys) - y };
}

/**
 * The view panned (never zoomed) just enough that `box` is on screen with `marginPx` to spare,
 * as a list scrolls a focused row into view; the same view when it already is. A box larger than
 * the panel is shown from its top-left corner.
 */
export function viewShowing(box: Box, view: View, panel: PanelSize, marginPx = 24): View {
  const axis = (start: number, size: number, offset: number, room: number): number => {
    const a = start * view.k + offset, b = (start + size) * view.k + offset;
    if (b - a + 2 * marginPx > room || a < marginPx) return offset + marginPx - a;
    if (b > room - marginPx) return offset + room - marginPx - b;
    return offset;
  };
  return { k: view.k, x: axis(box.x, box.w, view.x, panel.width), y: axis(box.y, box.h, view.y, panel.height) };
}

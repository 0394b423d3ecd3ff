import type { Box } from './layout';
import type { View } from './pan-zoom';

/** The zoom a map opens at: cards at their natural size, so no text is drawn below the stylesheet's 11 px. */
export const READABLE_K = 1;

/**
 * Where a map opens: at the readable zoom, the whole scene centred when it fits the panel; else,
 * axis by axis, from the scene's top-left edge when that shows all of `focus` (the decision makers;
 * else the scene's top middle), otherwise centred on the focus across and with its top near the top. The view never
 * leaves empty space beyond the scene's edges when the scene is larger than the panel on that
 * axis. Pure arithmetic, so it is the same on every panel size.
 */
export function openingView(bounds: Box, focus: Box | undefined, panel: { readonly width: number; readonly height: number }, margin = 24): View {
  const k = READABLE_K;
  const around = focus ?? { x: bounds.x, y: bounds.y, w: bounds.w, h: 0 };
  const axis = (start: number, size: number, focusStart: number, focusSize: number, room: number, centre: boolean): number => {
    if (size * k + 2 * margin <= room) return centre ? (room - size * k) / 2 - start * k : margin - start * k;
    // The scene's own edge while that still shows all of the focus: axis labels and headings stay in view.
    if ((focusStart + focusSize - start) * k + 2 * margin <= room) return margin - start * k;
    const wanted = centre ? room / 2 - (focusStart + focusSize / 2) * k : margin - focusStart * k;
    const most = margin - start * k;
    const least = room - margin - (start + size) * k;
    return Math.min(most, Math.max(least, wanted));
  };
  return {
    k,
    x: axis(bounds.x, bounds.w, around.x, around.w, panel.width, true),
    y: axis(bounds.y, bounds.h, around.y, around.h, panel.height, false),
  };
}

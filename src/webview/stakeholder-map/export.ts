/**
 * Export: the drawn scene as a standalone SVG file (computed colours and fonts written onto each
 * element, so it looks the same outside the editor's theme), and as a PNG drawn from that SVG.
 */
import { svg } from '../shared/dom';
import type { Box } from './layout';

const PROPS = ['fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-opacity', 'opacity',
  'font-family', 'font-size', 'font-weight', 'font-style', 'text-decoration', 'text-anchor', 'dominant-baseline', 'display'] as const;
const MARGIN = 24;
const HEADER = 40;

export function exportSvg(scene: SVGGElement, defs: SVGDefsElement, bounds: Box, title: string, background: string): { text: string; width: number; height: number } {
  const width = Math.ceil(bounds.w + 2 * MARGIN);
  const height = Math.ceil(bounds.h + 2 * MARGIN + HEADER);
  const x0 = bounds.x - MARGIN, y0 = bounds.y - MARGIN - HEADER;
  const root = svg('svg', { xmlns: 'http://www.w3.org/2000/svg', width, height, viewBox: `${x0} ${y0} ${width} ${height}` });
  const titleText = svg('text', { x: bounds.x, y: bounds.y - HEADER / 2, 'font-size': 16, 'font-weight': 600 }, title);
  const fg = getComputedStyle(scene).getPropertyValue('fill') || '#222';
  titleText.setAttribute('fill', fg);
  titleText.setAttribute('font-family', getComputedStyle(scene).getPropertyValue('font-family'));
  root.append(svg('rect', { x: x0, y: y0, width, height, fill: background }), titleText, inlined(defs), inlined(scene));
  root.querySelectorAll('[tabindex]').forEach((n) => { n.removeAttribute('tabindex'); n.removeAttribute('role'); });
  return { text: `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(root)}`, width, height };
}

/** A deep copy of `live` with each element's computed style written as presentation attributes. */
function inlined<T extends Element>(live: T): T {
  const copy = live.cloneNode(true) as T;
  const src = [live, ...live.querySelectorAll('*')];
  const dst = [copy, ...copy.querySelectorAll('*')];
  src.forEach((s, i) => {
    const cs = getComputedStyle(s);
    const d = dst[i];
    for (const p of PROPS) {
      const v = cs.getPropertyValue(p);
      if (!v || v === 'normal' || v === 'auto' || (p === 'display' && v !== 'none') || (p === 'text-decoration' && v.startsWith('none'))) continue;
      d.setAttribute(p, v);
    }
    d.removeAttribute('class');
  });
  return copy;
}

/** The SVG drawn on a canvas, as a `data:image/png;base64,` URL (at most 8192 px on a side, 2× where that fits). */
export async function svgToPng(text: string, width: number, height: number): Promise<string> {
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const scale = Math.min(2, 8192 / Math.max(width, height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(width * scale));
    canvas.height = Math.max(1, Math.round(height * scale));
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2d canvas');
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return canvas.toDataURL('image/png');
  } finally {
    URL.revokeObjectURL(url);
  }
}

import type { Page } from 'playwright-core';

/**
 * What the Forecast and Compare test pages share: one panel bundle in a Chromium page whose
 * `acquireVsCodeApi` stub records the messages (`window.__sent`), the state (`window.__state`)
 * and the CSP violations (`window.__csp`). `M` is the panel's page-to-host message type.
 */
export abstract class PanelPage<M> {
  readonly errors: string[] = [];

  protected constructor(readonly page: Page) {}

  /** All messages the page posted. */
  sent(): Promise<M[]> {
    return this.page.evaluate('window.__sent || []') as Promise<M[]>;
  }

  /** What the page keeps with setState (the serializer gets it after a reload). */
  state(): Promise<unknown> {
    return this.page.evaluate('window.__state');
  }

  cspViolations(): Promise<string[]> {
    return this.page.evaluate('window.__csp') as Promise<string[]>;
  }

  texts(selector: string): Promise<string[]> {
    return this.page.locator(selector).allTextContents();
  }

  /** Pixels of a canvas within `tolerance` of an RGB colour (bars drawn in that colour). */
  pixels(canvasId: string, rgb: [number, number, number], tolerance = 6): Promise<number> {
    return this.page.evaluate(`(() => {
      const c = document.getElementById(${JSON.stringify(canvasId)});
      if (!c || !c.width || !c.height) return -1;
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      const [r, g, b] = ${JSON.stringify(rgb)};
      let n = 0;
      for (let i = 0; i < d.length; i += 4) {
        if (d[i + 3] > 200 && Math.abs(d[i] - r) <= ${tolerance} && Math.abs(d[i + 1] - g) <= ${tolerance} && Math.abs(d[i + 2] - b) <= ${tolerance}) n++;
      }
      return n;
    })()`) as Promise<number>;
  }

  close(): Promise<void> {
    return this.page.close();
  }
}

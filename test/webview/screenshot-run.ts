import * as path from 'path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../chromium';

const IMAGES = path.resolve(__dirname, '..', '..', '..', 'docs', 'images');

/**
 * A README-picture script: Chromium launched once for `take`, which writes its pictures to
 * `picture(file)` (docs/images); any failure ends the process with exit code 1.
 */
export function runScreenshots(take: (browser: Browser, picture: (file: string) => string) => Promise<void>): void {
  const picture = (file: string) => path.join(IMAGES, file);
  (async () => {
    const browser = await launchChromium();
    try {
      await take(browser, picture);
    } finally {
      await browser.close();
    }
  })().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}

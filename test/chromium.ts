/**
 * How every test launches headless Chromium (Debian's binary, driven by playwright-core): the
 * webview tests, the screenshot scripts, and scripts/vscode-harness.mjs (which loads the compiled
 * out/test/chromium.js). CHROMIUM_PATH points at another binary.
 */
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';

/** Quiet and offline: no sandbox (containers), no GPU, no updates, sync, crash reports or first-run UI. */
export const CHROMIUM_ARGS: readonly string[] = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', '--disable-breakpad'];

/** The launch options, with `extra` (e.g. an `env`) merged in. */
export function chromiumLaunchOptions(extra: LaunchOptions = {}): LaunchOptions {
  return { executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', headless: true, args: [...CHROMIUM_ARGS], ...extra };
}

export const launchChromium = (extra: LaunchOptions = {}): Promise<Browser> => chromium.launch(chromiumLaunchOptions(extra));

import * as vscode from 'vscode';
import { STORE_FORMAT, storeKey, type Locale } from '../../core';
import type { ConfigService } from '../config';
import { EXTENSION_HOST } from '../extension-host';
import { IndexStore } from './index-store';
import { fileStamp } from './store-files';

/**
 * The persisted index of this workspace, in the extension's storage for it (`storageUri`; none in a
 * window without a folder). Its engine version is the extension's version and the running bundle's
 * stamp, so a rebuilt or updated extension never reuses an older engine's findings.
 */
export function createIndexStore(context: vscode.ExtensionContext, config: ConfigService, locale: () => Locale, log: vscode.LogOutputChannel): IndexStore {
  const version = String((context.extension.packageJSON as { version?: unknown }).version);
  const bundle = vscode.Uri.joinPath(context.extensionUri, 'dist', ...(EXTENSION_HOST === 'node' ? ['extension.js'] : ['web', 'extension.js']));
  return new IndexStore({
    folder: context.storageUri && vscode.Uri.joinPath(context.storageUri, 'plan-index'),
    engine: async () => {
      try {
        const s = await fileStamp(bundle);
        return `${STORE_FORMAT}/${version}/${s.mtime}-${s.size}`;
      } catch (e) {
        log.warn(`stored index: no stamp of ${bundle.toString(true)} (${e instanceof Error ? e.message : String(e)}): the version alone keys it`);
        return `${STORE_FORMAT}/${version}`;
      }
    },
    key: storeKeyOf(config, locale),
    log,
  });
}

/**
 * storeKey of the settings in effect, made again only when they (or the language) change: the store
 * asks for it at every lookup and every put, 10,000 times in a row when a workspace is reopened.
 */
function storeKeyOf(config: ConfigService, locale: () => Locale): () => string {
  let last: { settings: unknown; locale: Locale; key: string } | undefined;
  return () => {
    const settings = config.config.settings;
    const language = locale();
    if (last?.settings !== settings || last.locale !== language) last = { settings, locale: language, key: storeKey(settings, language) };
    return last.key;
  };
}

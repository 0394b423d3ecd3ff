import * as vscode from 'vscode';
import { localeOf, translator, type Locale, type Translate } from '../core';

/** The catalogue's language for the editor's display language: zh-cn, zh-hans (zh-sg, zh) → Chinese, else English. */
export const displayLocale = (): Locale => localeOf(vscode.env.language);

/** Every word the extension shows, from src/core/i18n in the display language. */
export const t: Translate = (key, params) => translator(displayLocale())(key, params);

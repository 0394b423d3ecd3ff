import { wordsOf, type Locale } from '../../../core';
import type { CompareLabels } from '../../../webview/compare/protocol';

/** The Compare page's words from the catalogue (src/core/i18n, keys `compare.page.*`); templates keep their placeholders. */
export const compareLabels = (locale: Locale): CompareLabels => wordsOf(locale, 'compare.page.');

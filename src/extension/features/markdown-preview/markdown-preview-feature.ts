import type MarkdownIt from 'markdown-it';
import type * as vscode from 'vscode';
import { todayLocal } from '../../../core';
import { planCardPlugin } from '../../../markdown/plan-card';
import type { Services } from '../../services';

/** Extends a markdown-it instance; VS Code's Markdown preview calls it (`markdown.markdownItPlugins`). */
export type ExtendMarkdownIt = (md: MarkdownIt.MarkdownIt) => MarkdownIt.MarkdownIt;

/** The plan card in the Markdown preview. The preview asks activate()'s result for `extendMarkdownIt`: this returns it. */
export function activate(_context: vscode.ExtensionContext, { config, locale }: Services): ExtendMarkdownIt {
  return (md) => md.use(planCardPlugin, { today: todayLocal, settings: () => config.config.settings, locale });
}

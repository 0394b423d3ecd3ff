import * as vscode from 'vscode';
import { language, locate } from '../../../core';
import type { PlanIndex } from '../../index/plan-index';
import type { Services } from '../../services';
import { provideCodeActions, provideCodeLenses, resolveFix } from './actions';
import { provideCompletions } from './completion-provider';
import {
  prepareRename, provideDefinition, provideDocumentSymbols, provideHighlights, provideReferences, provideRename,
} from './navigation';
import { PLAN_SELECTOR, money, planDocument, type PlanDocument } from './plan-document';
import { displayLocale, t } from '../../words';

/** The quick-fix provider's two steps, for the tests: offer on a document, resolve an offered fix later. */
export interface QuickFixSteps {
  offer(doc: vscode.TextDocument, diagnostics: readonly vscode.Diagnostic[]): vscode.CodeAction[];
  resolve(action: vscode.CodeAction): vscode.CodeAction;
}

/** Completion, hover, navigation, rename, outline, quick fixes and CodeLens for plans; all on the unsaved buffer. */
export function activate(context: vscode.ExtensionContext, services: Services): QuickFixSteps {
  const { index } = services;
  const config = () => services.config.config;
  const withPlan = <T>(doc: vscode.TextDocument, fallback: T, run: (plan: PlanDocument) => T): T => {
    const plan = planDocument(doc, index, config);
    return plan ? run(plan) : fallback;
  };
  const fixes: QuickFixSteps = {
    offer: (doc, diagnostics) => withPlan(doc, [], (p) => provideCodeActions(p, { diagnostics })),
    resolve: (action) => resolveFix(action, (doc) => planDocument(doc, index, config)),
  };
  const lensChanged = new vscode.EventEmitter<void>();
  // Each fire is a message to VS Code: thousands of plans restored or checked in one burst (a
  // workspace check, a reopen) ask for the lenses once, at the next turn.
  let lensTimer: ReturnType<typeof setTimeout> | undefined;
  context.subscriptions.push(
    lensChanged,
    index.onDidChange(() => {
      lensTimer ??= setTimeout(() => {
        lensTimer = undefined;
        lensChanged.fire();
      }, 0);
    }),
    { dispose: () => clearTimeout(lensTimer) },
    vscode.languages.registerCompletionItemProvider(PLAN_SELECTOR, {
      provideCompletionItems: (doc, pos) => withPlan(doc, [], (p) => provideCompletions(p, pos)),
    }, ':', ' ', '[', ',', '{', '-'),
    vscode.languages.registerHoverProvider(PLAN_SELECTOR, {
      provideHover: (doc, pos) => withPlan(doc, undefined, (p) => {
        const h = language.hoverAt(p.tree, p.offset(pos), p.analysis, money, displayLocale());
        return h ? new vscode.Hover(new vscode.MarkdownString(h.lines.join('\n\n')), p.range(h.start, h.end)) : undefined;
      }),
    }),
    vscode.languages.registerDefinitionProvider(PLAN_SELECTOR, { provideDefinition: (doc, pos) => withPlan(doc, [], (p) => provideDefinition(p, pos)) }),
    vscode.languages.registerReferenceProvider(PLAN_SELECTOR, {
      provideReferences: (doc, pos, ctx) => withPlan(doc, [], (p) => provideReferences(p, pos, ctx.includeDeclaration)),
    }),
    vscode.languages.registerDocumentHighlightProvider(PLAN_SELECTOR, { provideDocumentHighlights: (doc, pos) => withPlan(doc, [], (p) => provideHighlights(p, pos)) }),
    vscode.languages.registerRenameProvider(PLAN_SELECTOR, {
      prepareRename: (doc, pos) => withPlan<vscode.Range | undefined>(doc, undefined, (p) => prepareRename(p, pos)),
      provideRenameEdits: (doc, pos, name) => withPlan<vscode.WorkspaceEdit | undefined>(doc, undefined, (p) => provideRename(p, pos, name)),
    }),
    vscode.languages.registerDocumentSymbolProvider(PLAN_SELECTOR, { provideDocumentSymbols: (doc) => withPlan(doc, [], provideDocumentSymbols) }, { label: t('ext.languageName') }),
    vscode.languages.registerCodeActionsProvider(PLAN_SELECTOR, {
      provideCodeActions: (doc, _range, ctx) => fixes.offer(doc, ctx.diagnostics),
      resolveCodeAction: (action) => fixes.resolve(action),
    }, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
    vscode.languages.registerCodeLensProvider(PLAN_SELECTOR, {
      onDidChangeCodeLenses: lensChanged.event,
      provideCodeLenses: (doc) => withPlan(doc, [], (p) => provideCodeLenses(p, config().settings)),
    }),
    vscode.languages.registerWorkspaceSymbolProvider(new PlanWorkspaceSymbols(index)),
  );
  return fixes;
}

/** Accounts and people across all plans, from the index; the exact place is found when one is picked. */
class PlanWorkspaceSymbols implements vscode.WorkspaceSymbolProvider<PlanSymbolInformation> {
  constructor(private readonly index: PlanIndex) {}

  provideWorkspaceSymbols(query: string): PlanSymbolInformation[] {
    const q = query.toLowerCase();
    const out: PlanSymbolInformation[] = [];
    for (const { uri, analysis } of this.index.entries()) {
      const plan = analysis.plan;
      if (!plan) continue;
      const account = plan.account ?? plan.id;
      if (account.toLowerCase().includes(q) || plan.id.toLowerCase().includes(q)) {
        out.push(new PlanSymbolInformation(account, vscode.SymbolKind.Module, plan.tier ?? '', uri, ['account']));
      }
      for (const s of plan.stakeholders) {
        const name = s.name ?? s.id ?? '';
        if (name.toLowerCase().includes(q) || (s.id ?? '').toLowerCase().includes(q)) {
          out.push(new PlanSymbolInformation(name, vscode.SymbolKind.Constructor, account, uri, ['stakeholders', s.index, 'id']));
        }
      }
    }
    return out;
  }

  async resolveWorkspaceSymbol(symbol: PlanSymbolInformation): Promise<PlanSymbolInformation> {
    const doc = await vscode.workspace.openTextDocument(symbol.location.uri);
    const at = locate(doc.getText(), symbol.path);
    if (at) {
      const bom = doc.getText().charCodeAt(0) === 0xfeff ? 1 : 0;
      symbol.location = new vscode.Location(doc.uri, new vscode.Range(doc.positionAt(at.start + bom), doc.positionAt(at.end + bom)));
    }
    return symbol;
  }
}

class PlanSymbolInformation extends vscode.SymbolInformation {
  constructor(name: string, kind: vscode.SymbolKind, container: string, uri: vscode.Uri, readonly path: (string | number)[]) {
    super(name, kind, container, new vscode.Location(uri, new vscode.Position(0, 0)));
  }
}

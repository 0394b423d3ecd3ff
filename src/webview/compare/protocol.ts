/**
 * The messages between the extension host and the Compare webview. Types only: both sides
 * `import type` it. The host validates every inbound message (zod, in
 * extension/features/compare/inbound-messages.ts); the page applies only a message newer than the
 * last (shared/revision.ts).
 */
import type { Words } from '../../core/i18n/catalogue';
import type { ComparePanelModel } from '../../core/present/compare-model';

export type {
  ComparePanelModel, AccountPanel, DealChangeRow, PersonChangeRow, PanelLine, Move, Tile, WaterfallBar, WaterfallChart,
} from '../../core/present/compare-model';

/** The page's words, from the catalogue (keys `compare.page.*`), in the editor's display language. */
export type CompareLabels = Words<'compare.page.'>;

/** What is compared, as the user reads it: the plan, and each side (a short hash and subject, or the working copy). */
export interface CompareHeader {
  readonly plan: string;
  readonly before: string;
  readonly after: string;
  /** Something to know about the comparison (the plan was not at this path in the older revision…). */
  readonly notice?: string;
}

export type HostMessage =
  /** The comparison (on open, and again when the compared buffer changes); `revision` grows by one each time. */
  {
    readonly type: 'model';
    readonly revision: number;
    readonly model: ComparePanelModel;
    readonly labels: CompareLabels;
    readonly header: CompareHeader;
    /** The editor's display language, for the chart's axis. */
    readonly locale: string;
    /** What the page keeps for the serializer. */
    readonly state: CompareState;
  };

export type WebviewMessage =
  /** The page is loaded: send the model. */
  | { readonly type: 'ready' }
  /** A model was drawn (for tests): how many charts it drew. */
  | { readonly type: 'rendered'; readonly revision: number; readonly charts: number; readonly ms: number };

/** What the webview keeps in `vscode.setState`: the plan and the revisions, from which the serializer compares again. */
export interface CompareState {
  readonly uri: string;
  /** The older side: a commit hash, or '' for no plan (the plan's first commit compared with nothing). */
  readonly before: string;
  /** The newer side: a commit hash; absent for the working copy (the editor's text, unsaved edits included). */
  readonly after?: string;
}

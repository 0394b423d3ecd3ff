/**
 * The messages between the extension host and the Forecast webview. Types only: both sides
 * `import type` it, so nothing of the host lands in the browser bundle. The host validates every
 * inbound message (zod, in extension/features/forecast/inbound-messages.ts) before it acts on it, and
 * the page applies only a message newer than the last (shared/revision.ts).
 */
import type { ForecastPanelModel, ForecastQueryChange, ForecastRow } from '../../core/rollups/forecast-model';

export type {
  ForecastPanelModel, ForecastRow, QuarterBar, FunnelRow, Choice, RowSort, RowSortKey, ForecastQueryChange, IncompletePlan,
} from '../../core/rollups/forecast-model';

/**
 * Words the page shows, in the editor's display language: the host takes them from the catalogue
 * (src/core/i18n, keys `forecast.*`); the page has no words of its own. Templates keep their named
 * placeholders, which the page fills with `format` (src/core/i18n/format.ts).
 */
export interface ForecastLabels {
  readonly title: string;
  readonly allPlans: string;
  /** `{folder}`. */
  readonly folderScope: string;
  readonly clearFolder: string;
  readonly owner: string;
  readonly tier: string;
  readonly currency: string;
  readonly everyone: string;
  readonly allTiers: string;
  readonly noOwner: string;
  readonly noTier: string;
  readonly exportCsv: string;
  readonly openWeighted: string;
  /** `{count}`, `{amount}`. */
  readonly openDetail: string;
  readonly won: string;
  /** `{count}`. */
  readonly wonDetail: string;
  readonly categories: Readonly<Record<'commit' | 'best-case' | 'pipeline' | 'omitted', string>>;
  readonly byQuarter: string;
  readonly noClose: string;
  readonly funnel: string;
  readonly funnelHelp: string;
  readonly stage: string;
  readonly atStage: string;
  readonly reached: string;
  readonly conversion: string;
  readonly benchmark: string;
  readonly stuck: string;
  /** `{parked}` deals at `{stage}`, `{conversion}` of them to `{next}` against `{benchmark}`: one deal, and more. */
  readonly bottleneckOne: string;
  readonly bottleneck: string;
  readonly noBottleneck: string;
  readonly wonStage: string;
  readonly table: string;
  readonly account: string;
  readonly opportunity: string;
  readonly category: string;
  readonly amount: string;
  readonly weighted: string;
  readonly probability: string;
  readonly close: string;
  /** `{column}`. */
  readonly sortBy: string;
  readonly empty: string;
  /** `{count}` plans: one, and more than one. */
  readonly incompleteOne: string;
  readonly incomplete: string;
  readonly loading: string;
  readonly revealHint: string;
  readonly overdue: string;
  readonly overdueHint: string;
  readonly total: string;
  /** `{count}`. */
  readonly totalDetail: string;
  /** `{file}`. */
  readonly openPlan: string;
}

export type HostMessage =
  /**
   * The figures (on open, on every change of a plan, a setting or the query); `revision` grows by one
   * each time. `model.rows` holds the first block of rows only; `model.rowCount` says how many there are.
   */
  | {
    readonly type: 'model';
    readonly revision: number;
    readonly model: ForecastPanelModel;
    readonly labels: ForecastLabels;
    /** The folder scope as the user reads it (workspace-relative). */
    readonly folderLabel?: string;
    /** The editor's display language, for numbers and dates. */
    readonly locale: string;
  }
  /** Rows `from` … of the model of revision `of` (the page asked for them: it scrolled to them). */
  | { readonly type: 'rows'; readonly revision: number; readonly of: number; readonly from: number; readonly rows: readonly ForecastRow[] };

export type WebviewMessage =
  /** The page is loaded: send the model. */
  | { readonly type: 'ready' }
  /** A model was drawn (for tests and the benchmark). */
  | { readonly type: 'rendered'; readonly revision: number; readonly rows: number; readonly charts: number; readonly ms: number }
  | { readonly type: 'query'; readonly change: ForecastQueryChange }
  /** Send the rows of the model of revision `of` from position `from` on (a block of them). */
  | { readonly type: 'rows'; readonly of: number; readonly from: number }
  /** Write the open opportunities of the current query (all of them, in its sort) to a CSV file. */
  | { readonly type: 'exportCsv' }
  /** Show `opportunities[index]` of the plan `uri` (one of the model's rows). */
  | { readonly type: 'reveal'; readonly uri: string; readonly index: number }
  /** Open a plan the banner names (one of the model's `incompletePlans`). */
  | { readonly type: 'openPlan'; readonly uri: string };

/** What the webview keeps in `vscode.setState`; the serializer revives a panel from its scope. */
export interface ForecastState {
  readonly scope: { readonly folder?: string; readonly owner?: string };
}

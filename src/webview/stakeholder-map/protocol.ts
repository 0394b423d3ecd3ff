import type { Words } from '../../core/i18n/catalogue';
/**
 * The messages between the extension host and the stakeholder map webview. Types only: both
 * sides `import type` it, so nothing of the host lands in the browser bundle. The host validates
 * every inbound message (zod, in extension/features/stakeholder-map/inbound-messages.ts) before it acts
 * on it, and the page applies only a message newer than the last (shared/revision.ts).
 */
import type { MapModel } from '../../core/rollups/stakeholder-map-model';

export type { MapModel, MapPerson, MapEdge, Freshness } from '../../core/rollups/stakeholder-map-model';

export type MapMode = 'org' | 'layers' | 'grid';
export type ExportFormat = 'svg' | 'png';

/**
 * Words the page shows, in the editor's display language: the host takes them from the catalogue
 * (src/core/i18n: `map.*` and the method's names); the page has no words of its own. Templates keep
 * their named placeholders, which the page fills with `format` (src/core/i18n/format.ts).
 */
export interface MapLabels {
  readonly modes: Readonly<Record<MapMode, string>>;
  readonly zoomIn: string;
  readonly zoomOut: string;
  readonly fit: string;
  readonly exportSvg: string;
  readonly exportPng: string;
  /** Full role names (tooltip) and short ones (the badge on a card). */
  readonly roles: Readonly<Record<string, string>>;
  readonly rolesShort: Readonly<Record<string, string>>;
  readonly layers: Readonly<Record<'decision' | 'procurement' | 'usage' | 'none', string>>;
  readonly attitudes: Readonly<Record<'A' | 'B' | 'C' | 'D' | 'E' | 'unknown', string>>;
  readonly freshness: Readonly<Record<'fresh' | 'ageing' | 'stale' | 'never', string>>;
  readonly influence: Readonly<Record<'high' | 'medium' | 'low', string>>;
  readonly trend: Readonly<Record<'up' | 'down' | 'same', string>>;
  /** `{role}`: a role name. */
  readonly nobodyHolds: string;
  readonly missingRole: string;
  /** `{date}`. */
  readonly left: string;
  readonly lastContact: string;
  /** `{count}` days. */
  /** The templates of `days.*` ("12 days ago", "3 months ago"…), for `daysAgo` in the page. */
  readonly days: Words<'days.'>;
  readonly influenceLabel: string;
  readonly attitudeTerm: string;
  readonly rolesTerm: string;
  readonly layerTerm: string;
  readonly needsCompany: string;
  readonly needsPersonal: string;
  readonly notes: string;
  readonly history: string;
  readonly target: string;
  readonly gridPersonal: string;
  readonly gridCompany: string;
  /** 1–5, then E–A. */
  readonly gridPersonalSteps: Readonly<Record<string, string>>;
  readonly gridCompanySteps: Readonly<Record<string, string>>;
  readonly notOnGrid: string;
  readonly unattached: string;
  readonly loading: string;
  readonly legend: string;
  readonly revealHint: string;
}

export type HostMessage =
  /** A new model of the plan (on open, on every change); `revision` grows by one each time. */
  | { readonly type: 'model'; readonly revision: number; readonly planUri: string; readonly model: MapModel; readonly labels: MapLabels }
  /** The plan cannot be drawn: deleted, or its frontmatter does not parse. */
  | { readonly type: 'unavailable'; readonly revision: number; readonly planUri: string; readonly message: string; readonly labels: MapLabels };

export type WebviewMessage =
  /** The page is loaded: send the model. */
  | { readonly type: 'ready' }
  /** A model was drawn (for tests and the benchmark). */
  | { readonly type: 'rendered'; readonly revision: number; readonly cards: number; readonly placeholders: number; readonly mode: MapMode; readonly ms: number }
  /** Show `stakeholders[index]` in the plan. */
  | { readonly type: 'reveal'; readonly index: number }
  /** An export to write next to the plan: SVG text, or a PNG as a `data:image/png;base64,` URL. */
  | { readonly type: 'export'; readonly format: ExportFormat; readonly data: string };

/** What the webview keeps in `vscode.setState`; the serializer revives a panel from `planUri`. */
export interface MapState {
  readonly planUri?: string;
  readonly mode: MapMode;
  /** Pan and zoom per mode: the diagram point at the top-left corner is (-x/k, -y/k). */
  readonly views: Partial<Record<MapMode, { readonly x: number; readonly y: number; readonly k: number }>>;
  /** The selected person's `key`. */
  readonly selected?: string;
}

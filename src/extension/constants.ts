/** Every id the extension shares with package.json, in one place. */

export const EXTENSION_ID = 'account-plans.account-plans';
export const CONFIG_SECTION = 'accountPlans';
export const DIAGNOSTIC_COLLECTION = 'account-plans';
export const DIAGNOSTIC_SOURCE = 'account-plans';
export const OUTPUT_CHANNEL = 'Account Plans';

/**
 * Context key: true where the extension runs in a Node extension host, so a `when` clause can hide
 * what needs Node (git, other programs) in the web worker host of github.dev and vscode.dev.
 */
export const NODE_HOST_CONTEXT = 'accountPlans.nodeHost';

/** Plans keep the `markdown` language; they are picked by file name. */
export const PLAN_GLOB = '**/*.account.md';
export const PLAN_EXCLUDE_GLOB = '**/{node_modules,.git}/**';

/** `accountPlans.debounceMs`: the wait after the last keystroke before a buffer is checked. */
export const DEBOUNCE_SETTING = 'debounceMs';
export const DEFAULT_DEBOUNCE_MS = 200;

/**
 * `accountPlans.problems`: which plans' findings go to the Problems panel: every plan of the
 * workspace, or only the plans open in an editor (the views still count every plan's).
 */
export const PROBLEMS_SETTING = 'problems';
export const PROBLEMS_SCOPES = ['workspace', 'openPlans'] as const;
export type ProblemsScope = (typeof PROBLEMS_SCOPES)[number];

/** Above this many files the workspace check shows its progress in the status bar. */
export const PROGRESS_THRESHOLD = 20;
/** Disk reads in flight at once during a workspace check. */
export const READ_CONCURRENCY = 8;
/** File stamps (stat) asked for at once when a reopened workspace's stored index is verified. */
export const STAT_CONCURRENCY = 64;
/** Plans per batch of the workspace check; it yields to the editor's events between batches. */
export const SCAN_BATCH = 64;

/** The bundled rule reference that a diagnostic's code links to (`docs/rules.md#ap010`). */
export const RULES_DOC = ['docs', 'rules.md'] as const;

export const OPEN_SETTINGS_COMMAND = 'workbench.action.openSettings';

/** The views of the Account Plans activity-bar container. */
export const VIEWS = {
  pipeline: 'accountPlans.pipeline',
  roles: 'accountPlans.buyingRoles',
  accounts: 'accountPlans.accounts',
  history: 'accountPlans.planHistory',
} as const;

export const COMMANDS = {
  newPlan: 'accountPlans.newPlan',
  logVisit: 'accountPlans.logVisit',
  moveStage: 'accountPlans.moveStage',
  addStakeholder: 'accountPlans.addStakeholder',
  refresh: 'accountPlans.refresh',
  groupPipeline: 'accountPlans.groupPipeline',
  filterPipeline: 'accountPlans.filterPipeline',
  showMore: 'accountPlans.showMore',
  toggleRoleLayers: 'accountPlans.toggleRoleLayers',
  showStakeholderMap: 'accountPlans.showStakeholderMap',
  showForecast: 'accountPlans.showForecast',
  compareWithRevision: 'accountPlans.compareWithRevision',
} as const;

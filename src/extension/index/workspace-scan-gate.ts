/*
 * No runtime import of `vscode` here: the decision is unit-tested in plain Node.
 *
 * The extension starts on any Markdown file (`onLanguage:markdown`), so a workspace of notes with
 * no plan in it would pay for a search of every folder at each start. A search limited to one
 * result does not help there: with nothing to find it still walks the whole tree. So the search
 * runs only once something says the workspace holds plans.
 */

/** What is known, without searching, when the extension activates. */
export interface ActivationEvidence {
  /** A plan of the workspace is open in an editor. */
  readonly planOpen: boolean;
  /** A Markdown document is open: `onLanguage:markdown` may be the only reason the extension started. */
  readonly markdownOpen: boolean;
  /** An earlier session found plans in this workspace (remembered in its workspace state). */
  readonly plansSeenBefore: boolean;
}

/**
 * Why the workspace search should run at activation, or undefined when nothing says the
 * workspace holds plans (then it waits for a sign: see WorkspaceScanGate.open).
 */
export function scanReasonAtActivation(e: ActivationEvidence): string | undefined {
  if (e.planOpen) return 'a plan is open';
  if (e.plansSeenBefore) return 'plans were found in this workspace before';
  // No Markdown file open: the start came from `workspaceContains`, a view, a panel or a command.
  if (!e.markdownOpen) return 'activated without a Markdown file open';
  return undefined;
}

/**
 * Runs the workspace search once, at the first sign of plans: the evidence at activation, a plan
 * opened or written to disk, a view or a panel that shows every plan, a command that lists them.
 */
export class WorkspaceScanGate {
  private running: Promise<number> | undefined;
  private resolveDone!: (plans: number) => void;
  private rejectDone!: (e: unknown) => void;
  /** Settles when the first workspace search is over, with the number of plans it found. */
  readonly done: Promise<number>;
  /** Why the search started (undefined while it has not). */
  reason: string | undefined;

  constructor(private readonly search: () => Promise<number>) {
    this.done = new Promise<number>((resolve, reject) => {
      this.resolveDone = resolve;
      this.rejectDone = reject;
    });
    // A search that fails is reported through `done` to whoever waits on it, not as unhandled.
    this.done.catch(() => undefined);
  }

  get started(): boolean {
    return this.running !== undefined;
  }

  /** Starts the workspace search for `reason`, unless it has started already; resolves when it is over. */
  open(reason: string): Promise<number> {
    if (!this.running) {
      this.reason = reason;
      this.running = this.search();
      this.running.then(this.resolveDone, this.rejectDone);
    }
    return this.done;
  }
}

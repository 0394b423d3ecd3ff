/** What the CLI needs from its surroundings; `run` takes it so tests can call the CLI in-process. */
export interface Host {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Whether stdout is a terminal: text output is coloured only then (and when NO_COLOR is unset). */
  readonly stdoutIsTTY: boolean;
  readonly version: string;
  /** The project's web address (package.json `homepage` or `repository`), for SARIF's help links. */
  readonly homepage?: string;
  out(text: string): void;
  err(text: string): void;
}

export const useColor = (host: Host): boolean => host.stdoutIsTTY && !host.env.NO_COLOR;

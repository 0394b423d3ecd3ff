import * as vscode from 'vscode';

export interface Choice<T> {
  readonly label: string;
  readonly description?: string;
  readonly detail?: string;
  readonly value: T;
  readonly picked?: boolean;
}

/**
 * The questions commands ask. The real one shows VS Code's input boxes and quick picks; tests
 * put in one that answers from a script, so every command runs end to end in the real editor.
 * `undefined` means the user cancelled.
 */
export interface Prompter {
  input(prompt: string, options?: { value?: string; placeholder?: string; validate?: (v: string) => string | undefined }): Promise<string | undefined>;
  pick<T>(title: string, choices: readonly Choice<T>[]): Promise<T | undefined>;
  pickMany<T>(title: string, choices: readonly Choice<T>[]): Promise<T[] | undefined>;
}

export const windowPrompter: Prompter = {
  async input(prompt, options = {}) {
    return vscode.window.showInputBox({
      prompt, value: options.value, placeHolder: options.placeholder, ignoreFocusOut: true,
      validateInput: options.validate ? (v) => options.validate?.(v) ?? null : undefined,
    });
  },
  async pick(title, choices) {
    const picked = await vscode.window.showQuickPick(choices.map((c) => ({ ...c, choice: c })), { title, ignoreFocusOut: true, matchOnDescription: true });
    return picked?.choice.value;
  },
  async pickMany(title, choices) {
    const picked = await vscode.window.showQuickPick(choices.map((c) => ({ ...c, choice: c })), { title, canPickMany: true, ignoreFocusOut: true });
    return picked?.map((p) => p.choice.value);
  },
};

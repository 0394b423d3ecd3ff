import * as assert from 'assert';
import type { Choice, Prompter } from '../../src/extension/features/commands/prompter';

/** Keep the value the input box offers (e.g. today's date, a suggested id). */
export const KEEP = Symbol('keep');
export type Answer = string | string[] | typeof KEEP;

/**
 * A prompter that answers from a script, in order: text for input boxes, a label for a quick
 * pick, labels for a multi-select. It fails the test when the command asks something else.
 */
export function scripted(answers: Answer[]): Prompter & { asked: string[] } {
  const queue = [...answers];
  const asked: string[] = [];
  const next = (prompt: string): Answer => {
    asked.push(prompt);
    assert.ok(queue.length > 0, `unexpected prompt: ${prompt}`);
    return queue.shift()!;
  };
  const byLabel = <T>(choices: readonly Choice<T>[], label: string, prompt: string): T => {
    const c = choices.find((x) => x.label === label);
    assert.ok(c, `"${label}" is not offered for "${prompt}": ${choices.map((x) => x.label).join(', ')}`);
    return c.value;
  };
  return {
    asked,
    async input(prompt, options = {}) {
      const a = next(prompt);
      const value = a === KEEP ? options.value ?? '' : String(a);
      const problem = options.validate?.(value);
      assert.strictEqual(problem, undefined, `"${value}" is refused for "${prompt}": ${problem}`);
      return value;
    },
    async pick(title, choices) {
      const a = next(title);
      return byLabel(choices, String(a), title);
    },
    async pickMany(title, choices) {
      const a = next(title);
      return (Array.isArray(a) ? a : [String(a)]).map((label) => byLabel(choices, label, title));
    },
  };
}

/**
 * A tagged template that escapes every interpolated value unless it is already `Html`, so plan
 * text can reach the page only through the escape function markdown-it provides.
 */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type Part = Html | string | number | false | null | undefined | readonly Part[];
export type HtmlTag = (strings: TemplateStringsArray, ...values: Part[]) => Html;

export function htmlTag(escape: (s: string) => string): HtmlTag {
  const part = (v: Part): string => {
    if (v instanceof Html) return v.value;
    if (Array.isArray(v)) return v.map(part).join('');
    if (v === undefined || v === null || v === false) return '';
    return escape(String(v));
  };
  return (strings, ...values) => {
    let out = strings[0];
    for (let i = 0; i < values.length; i++) out += part(values[i]) + strings[i + 1];
    return new Html(out);
  };
}

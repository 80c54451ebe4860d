import { html, type TemplateResult } from 'lit';

/**
 * `text` (a translated message) with `part` in it, usually a phone number, kept on one line: a
 * narrow screen may break the text around the number, never inside it (`0571-` / `8888-6666`).
 * The message still decides the words and their order; only the number is wrapped, in a
 * `.bm-nowrap` span. Text without `part` in it is returned as it is.
 */
export function keepWhole(text: string, part: string): TemplateResult | string {
  const at = part ? text.indexOf(part) : -1;
  if (at < 0) return text;
  // One element around it all, so that in a flex container (.bm-button) it stays one run of text.
  return html`<span>${text.slice(0, at)}<span class="bm-nowrap">${part}</span>${text.slice(at + part.length)}</span>`;
}

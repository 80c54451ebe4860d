/**
 * Counting the lines text is drawn on, for layout tests: its boxes (`Range.getClientRects()`),
 * where boxes that overlap vertically share a line (Latin and CJK fonts put the boxes of one line
 * a pixel or two apart). Text for screen readers only (`.visually-hidden`) is left out.
 */
function countLines(boxes: DOMRect[]): number {
  const drawn = boxes.filter((r) => r.width > 0).sort((a, b) => a.top - b.top);
  let lines = 0;
  let bottom = -Infinity;
  for (const r of drawn) {
    if (r.top >= bottom - 2) lines++;
    bottom = Math.max(bottom, r.bottom);
  }
  return lines;
}

function* visibleText(node: Node): Generator<Text> {
  const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    if (t.textContent!.trim() && !t.parentElement!.closest('.visually-hidden')) yield t as Text;
  }
}

/** How many lines the visible text of `node` is drawn on. */
export function linesOf(node: Node): number {
  const boxes: DOMRect[] = [];
  for (const t of visibleText(node)) {
    const range = document.createRange();
    range.selectNodeContents(t);
    boxes.push(...range.getClientRects());
  }
  return countLines(boxes);
}

/**
 * How many lines `part` (a phone number, say) is drawn on inside `node`, where it may be split
 * over several text nodes; 0 when it is not there.
 */
export function linesOfText(node: Node, part: string): number {
  const texts = [...visibleText(node)];
  const whole = texts.map((t) => t.data).join('');
  const at = whole.indexOf(part);
  if (at < 0) return 0;
  const range = document.createRange();
  let offset = 0;
  const stop = at + part.length;
  for (const t of texts) {
    const end = offset + t.data.length;
    if (at >= offset && at < end) range.setStart(t, at - offset);
    if (stop > offset && stop <= end) {
      range.setEnd(t, stop - offset);
      break;
    }
    offset = end;
  }
  return countLines([...range.getClientRects()]);
}

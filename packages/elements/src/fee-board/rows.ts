import { nothing } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

/** One price row of the board, as text: name, price, and its note and price bands ('' for none). */
export interface RowText {
  readonly serviceId: string;
  readonly name: string;
  readonly price: string;
  readonly note: string;
  readonly bands: string;
}

/** The spans of a row, in order; `note` and `bands` only when the row has them. */
const CELLS = ['name', 'price', 'note', 'bands'] as const;

function rowNode(doc: Document, row: RowText): HTMLLIElement {
  const li = doc.createElement('li');
  li.setAttribute('part', 'row');
  li.className = 'row';
  li.setAttribute('data-row', '');
  li.dataset['service'] = row.serviceId;
  for (const cell of CELLS) {
    const text = row[cell];
    if (!text && (cell === 'note' || cell === 'bands')) continue;
    const span = doc.createElement('span');
    span.setAttribute('part', cell);
    span.className = cell;
    span.textContent = text;
    li.append(span);
  }
  return li;
}

function sameRows(a: readonly RowText[], b: readonly RowText[] | undefined): boolean {
  return !!b && a.length === b.length && a.every((r, i) => r.serviceId === b[i]!.serviceId && CELLS.every((cell) => r[cell] === b[i]![cell]));
}

/**
 * Fills the list it is bound to (`<ul ${priceRows(rows)}></ul>`) with the board's price rows, built
 * with the DOM (`createElement`, `textContent`) instead of a template instance per row: a board of a
 * thousand rows renders about as fast as a plain table of them. The rows are rebuilt only when their
 * text changes. Text is set as `textContent`, never parsed as HTML.
 */
class PriceRowsDirective extends Directive {
  private shown?: readonly RowText[];

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ELEMENT) throw new Error('priceRows() must be bound to an element, as <ul ${priceRows(rows)}>');
  }

  render(_rows: readonly RowText[]): typeof nothing {
    return nothing;
  }

  override update(part: ElementPart, [rows]: [readonly RowText[]]): typeof nothing {
    if (!sameRows(rows, this.shown)) {
      const doc = part.element.ownerDocument;
      part.element.replaceChildren(...rows.map((r) => rowNode(doc, r)));
      this.shown = rows;
    }
    return nothing;
  }
}

export const priceRows = directive(PriceRowsDirective);

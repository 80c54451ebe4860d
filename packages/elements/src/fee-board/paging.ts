/**
 * Pages of a price board. The board measures each section heading and each row at the width of one
 * column, then this pure function fills columns top to bottom and pages column by column. A section
 * that runs over a column repeats its heading ("（续）") at the top of the next one; a heading is never
 * left alone at the bottom of a column.
 */

/** Measured heights (CSS px) of one group: its heading block and each of its rows. */
export interface GroupHeights {
  head: number;
  rows: readonly number[];
}

/** Part of a group shown in one column: the group's index, whether it continues, and its row indices. */
export interface Block {
  group: number;
  continued: boolean;
  rows: number[];
}

/** One page: its columns, each a list of blocks. */
export type Page = Block[][];

/**
 * Fills columns of height `capacity`, `columns` per page. Every row lands on exactly one page, in order.
 * An item taller than a whole column still gets a column of its own (and is clipped by the screen).
 */
export function paginate(groups: readonly GroupHeights[], capacity: number, columns: number): Page[] {
  const perPage = Math.max(1, Math.floor(columns));
  const pages: Page[] = [];
  let cols: Block[][] = [];
  let col: Block[] = [];
  let used = 0;
  const nextColumn = () => {
    cols.push(col);
    col = [];
    used = 0;
    if (cols.length === perPage) {
      pages.push(cols);
      cols = [];
    }
  };
  groups.forEach((g, group) => {
    let block: Block | undefined;
    if (g.rows.length === 0) {
      if (used + g.head > capacity && col.length > 0) nextColumn();
      col.push({ group, continued: false, rows: [] });
      used += g.head;
      return;
    }
    g.rows.forEach((h, index) => {
      // A new block needs room for its heading and at least this row.
      const need = block ? h : g.head + h;
      if (used + need > capacity && col.length > 0) {
        nextColumn();
        block = undefined;
      }
      if (!block) {
        block = { group, continued: index > 0, rows: [] };
        col.push(block);
        used += g.head;
      }
      block.rows.push(index);
      used += h;
    });
  });
  if (col.length > 0) cols.push(col);
  if (cols.length > 0) pages.push(cols);
  return pages.length > 0 ? pages : [[]];
}

/** Total height of all groups stacked in one column. */
export function totalHeight(groups: readonly GroupHeights[]): number {
  return groups.reduce((sum, g) => g.rows.reduce((s, h) => s + h, sum + g.head), 0);
}

/**
 * Everything fits on one page: spread it over `columns` columns as evenly as the rows allow (the
 * smallest column height that still gives one page, found by bisection).
 */
export function balance(groups: readonly GroupHeights[], columns: number): Page {
  const total = totalHeight(groups);
  if (columns <= 1) return paginate(groups, Infinity, 1)[0] ?? [];
  let lo = total / columns;
  let hi = total + Math.max(0, ...groups.map((g) => g.head)) * columns;
  for (let i = 0; i < 24 && hi - lo > 0.5; i++) {
    const mid = (lo + hi) / 2;
    if (paginate(groups, mid, columns).length <= 1) hi = mid;
    else lo = mid;
  }
  return paginate(groups, hi, columns)[0] ?? [];
}

/** The category tree of a price list (seed 000: three top categories, each with subcategories). */
import type { Category } from '../schema/catalog.js';

/**
 * The top-most ancestor of a category found in `byId`: the tree has two levels, but a deeper
 * category, or one whose parent is missing, is attached to the highest ancestor there is, so no
 * service is ever lost (the service menu and the fee board group by it).
 */
export function topCategory(byId: ReadonlyMap<string, Category>, c: Category): Category {
  let node = c;
  for (let depth = 0; depth < 8 && node.parentId !== null; depth++) {
    const parent = byId.get(node.parentId);
    if (!parent) break;
    node = parent;
  }
  return node;
}

// Data of `npm run bench`, taken from the mock backend's real handlers so every shape is what the API
// serves: the compound, a price list in force grown to 1,000 services (its catalog and its fee board),
// the seed-sized fee board, and a register of 10,000 loans.
import { createMockBackend, DEMO_STAFF_TOKEN } from '@bianmin/mock';
import { endpoints, type EndpointId } from '@bianmin/sdk/contract';
import type { Compound, FeeBoard, Loan, LoanItem, PriceList } from '@bianmin/sdk/schema';

export interface BenchData {
  compound: Compound;
  /** The price list in force, 1,000 services. */
  catalog: PriceList;
  /** The fee board of that list: 1,000 rows. */
  bigBoard: FeeBoard;
  /** The fee board of the seed's own list (tens of rows), for the long-running refresh loop. */
  smallBoard: FeeBoard;
  loanItems: LoanItem[];
  /** 10,000 loans, latest lent first (the register's own order). */
  loans: Loan[];
}

export const SERVICES = 1_000;
export const LOANS = 10_000;

export async function benchData(): Promise<BenchData> {
  const backend = createMockBackend();
  /** A GET through the mock's request pipeline, its body checked against the contract's response schema. */
  const get = async <T>(id: EndpointId, path: string, token?: string): Promise<T> => {
    const res = await backend.handle(
      new Request(`http://127.0.0.1/api${path}`, token ? { headers: { Authorization: `Bearer ${token}` } } : {}),
    );
    if (!res.ok) throw new Error(`mock ${path}: HTTP ${res.status}`);
    return endpoints[id].response.parse(await res.json()) as T;
  };

  const compound = await get<Compound>('compound.get', '/compound');
  const smallBoard = await get<FeeBoard>('feeBoard.get', '/fee-board');
  const loanItems = await get<LoanItem[]>('loanItems.list', '/loan-items', DEMO_STAFF_TOKEN);

  // Grow the list in force to 1,000 services: copies of its own services under the same
  // categories, each with its own id, number in the name, and order.
  const inForce = await get<PriceList>('catalog.current', '/catalog');
  const list = backend.state.priceLists.find((l) => l.id === inForce.id);
  if (!list) throw new Error('the mock has no price list in force');
  const seed = list.items;
  list.items = Array.from({ length: SERVICES }, (_, k) => {
    const base = seed[k % seed.length]!;
    const n = String(k + 1);
    return {
      ...structuredClone(base),
      id: `${base.id.slice(0, 50)}-b${n}`,
      name: { ...base.name, 'zh-CN': `${base.name['zh-CN']} ${n}`, ...(base.name.en ? { en: `${base.name.en} ${n}` } : {}) },
      order: k,
    };
  });
  const catalog = await get<PriceList>('catalog.current', '/catalog');
  const bigBoard = await get<FeeBoard>('feeBoard.get', '/fee-board');

  backend.seedLoans(LOANS);
  const loans: Loan[] = [];
  let cursor: string | null = null;
  do {
    const query = `filter=all&limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const page: { items: Loan[]; nextCursor: string | null } = await get('loans.list', `/loans?${query}`, DEMO_STAFF_TOKEN);
    loans.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null && loans.length < LOANS);
  loans.length = Math.min(loans.length, LOANS);

  const rows = bigBoard.current.sections.reduce((n, s) => n + s.rows.length, 0);
  if (catalog.items.length !== SERVICES || rows !== SERVICES || loans.length !== LOANS) {
    throw new Error(`bench data: ${catalog.items.length} services, ${rows} board rows, ${loans.length} loans`);
  }
  return { compound, catalog, bigBoard, smallBoard, loanItems, loans };
}

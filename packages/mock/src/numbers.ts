import { localDate } from '@bianmin/sdk/rules';

type Counters = Record<string, number>;

/** The number a resident quotes on the phone: `BM-20261123-0007`, counted per prefix and local day. */
export function nextNumber(counters: Counters, prefix: string, at: string): string {
  const key = `${prefix}-${localDate(at).replace(/-/g, '')}`;
  const n = (counters[key] ?? 0) + 1;
  counters[key] = n;
  return `${key}-${String(n).padStart(4, '0')}`;
}

/** A record id: `bk-0001`, counted per prefix. */
export function nextId(counters: Counters, prefix: string): string {
  const key = `id:${prefix}`;
  const n = (counters[key] ?? 0) + 1;
  counters[key] = n;
  return `${prefix}-${String(n).padStart(4, '0')}`;
}

import { Me, access, endpoints, type Endpoint, type EndpointId } from '@bianmin/sdk/contract';
import { Compound, LoanItem, PriceList, SETTLEMENTS, type Address, type Contact, type Settlement } from '@bianmin/sdk/schema';
import * as z from 'zod/mini';
import { isRecord } from './assert.js';
import type { Caller, Exchange, Http } from './http.js';

// What the kit learns from the server before it checks anything: the answers of every GET that
// needs no path parameter, as every caller it has a token for. Ids for the other endpoints, the
// households to book for and the personal data to look for on public endpoints all come from here,
// so the kit runs against any server's data, not the mock's.

export interface HouseholdRef {
  id: string;
  address: Address;
  contact: Contact;
  /** A settlement the household may choose, when known: a tenant prepays (seed 001); else one its bookings use. */
  settlement?: Settlement;
}

export interface Fixtures {
  /** GET answers without path parameters, by endpoint and caller. */
  samples: Map<EndpointId, Map<Caller, Exchange>>;
  compound?: Compound;
  catalog?: PriceList;
  loanItems?: LoanItem[];
  me: { resident?: Me; other?: Me };
  /** Households seen in answers, with an address and a contact to book or lend for. */
  households: Map<string, HouseholdRef>;
  /** Mobile numbers and names of people, as authenticated answers showed them. */
  personal: { phones: Set<string>; names: Set<string> };
}

export const CALLERS: readonly Caller[] = ['public', 'resident', 'staff', 'other'];
/** The contract role a caller acts in (`other` is a second resident). */
export const roleOf = (as: Caller): 'public' | 'resident' | 'staff' => (as === 'other' ? 'resident' : as === 'bogus' ? 'public' : as);
export const allows = (id: EndpointId, as: Caller): boolean => (access[id].roles as readonly string[]).includes(roleOf(as));

export const MOBILE = /^1[3-9]\d{9}$/;

type AnyDef = { type: string; innerType?: z.ZodMiniType; entries?: Record<string, string>; shape?: Record<string, z.ZodMiniType> };
const defOf = (s: z.ZodMiniType): AnyDef => s._zod.def as unknown as AnyDef;
/** The schema under `optional` / `nullable` / `default` wrappers. */
export function unwrap(s: z.ZodMiniType): z.ZodMiniType {
  let cur = s;
  for (let d = defOf(cur); d.innerType; d = defOf(cur)) cur = d.innerType;
  return cur;
}
/** The properties of an object schema (empty for anything else). */
export const shapeOf = (s: z.ZodMiniType | undefined): Record<string, z.ZodMiniType> => (s ? (defOf(unwrap(s)).shape ?? {}) : {});
/** The values of an enum schema (empty for anything else). */
export const enumOf = (s: z.ZodMiniType): string[] => Object.values(defOf(unwrap(s)).entries ?? {});
/** The properties of one record of a list endpoint: its array's element, or its page's items'. */
export function recordKeys(list: EndpointId): string[] {
  let s: z.ZodMiniType = unwrap(endpoints[list].response);
  const items = defOf(s).shape?.items;
  if (items) s = unwrap(items);
  const element = (s._zod.def as { element?: z.ZodMiniType }).element;
  return element ? Object.keys(shapeOf(element)) : [];
}

/** A response schema that is a cursor page (`{ items, nextCursor }`). */
export const isPage = (ep: Endpoint): boolean => {
  const shape = shapeOf(ep.response);
  return 'items' in shape && 'nextCursor' in shape;
};

/** Every filter of a list set to `all` where its enum offers it: the widest view of the data. */
export function broadQuery(id: EndpointId): Record<string, string> {
  const q: Record<string, string> = {};
  for (const [k, s] of Object.entries(shapeOf((endpoints[id] as Endpoint).query))) if (enumOf(s).includes('all')) q[k] = 'all';
  return q;
}

/** The records of a list answer: the array itself, or a page's `items`. */
export function itemsOf(json: unknown): Record<string, unknown>[] {
  const list = Array.isArray(json) ? json : isRecord(json) && Array.isArray(json.items) ? json.items : [];
  return list.filter(isRecord);
}

/** Visits every object in a JSON value. */
export function walk(json: unknown, visit: (o: Record<string, unknown>) => void): void {
  if (Array.isArray(json)) for (const v of json) walk(v, visit);
  else if (isRecord(json)) {
    visit(json);
    for (const v of Object.values(json)) walk(v, visit);
  }
}

/** Visits every string (and, written as one, every number) in a JSON value, with its path. */
export function strings(json: unknown, visit: (s: string, path: string) => void, path = ''): void {
  if (typeof json === 'string') visit(json, path);
  else if (typeof json === 'number') visit(String(json), path);
  else if (Array.isArray(json)) json.forEach((v, i) => strings(v, visit, `${path}[${i}]`));
  else if (isRecord(json)) for (const [k, v] of Object.entries(json)) strings(v, visit, path ? `${path}.${k}` : k);
}

const isAddress = (v: unknown): v is Address => isRecord(v) && typeof v.building === 'string' && typeof v.room === 'string';
const isContact = (v: unknown): v is Contact => isRecord(v) && typeof v.name === 'string' && typeof v.phone === 'string' && MOBILE.test(v.phone);

function read<S extends z.ZodMiniType>(schema: S, ex: Exchange | undefined): z.output<S> | undefined {
  if (!ex || ex.status >= 300) return undefined;
  const r = schema.safeParse(ex.json);
  return r.success ? (r.data as z.output<S>) : undefined;
}

export async function discover(http: Http): Promise<Fixtures> {
  const samples = new Map<EndpointId, Map<Caller, Exchange>>();
  for (const id of Object.keys(endpoints) as EndpointId[]) {
    const ep: Endpoint = endpoints[id];
    if (ep.method !== 'GET' || ep.params) continue;
    const byCaller = new Map<Caller, Exchange>();
    for (const as of CALLERS) {
      if (!http.has(as) || !allows(id, as)) continue;
      // One endpoint that fails to answer is for its checks to report; none answering is no server.
      try {
        byCaller.set(as, await http.send({ endpoint: id, as, query: broadQuery(id) }));
      } catch (e) {
        if (!http.log.length) throw e;
      }
    }
    samples.set(id, byCaller);
  }
  const first = (id: EndpointId): Exchange | undefined => [...(samples.get(id)?.values() ?? [])].find((ex) => ex.status < 300);
  const fx: Fixtures = {
    samples,
    compound: read(Compound, first('compound.get')),
    catalog: read(PriceList, first('catalog.current')),
    loanItems: read(z.array(LoanItem), first('loanItems.list')),
    me: { resident: read(Me, samples.get('session.me')?.get('resident')), other: read(Me, samples.get('session.me')?.get('other')) },
    households: new Map(),
    personal: { phones: new Set(), names: new Set() },
  };
  for (const m of [fx.me.resident, fx.me.other]) {
    const h = m?.household;
    const contact = h?.contacts[0];
    if (h && contact) fx.households.set(h.id, { id: h.id, address: h.address, contact, ...(h.occupancy === 'tenant' ? { settlement: 'prepaid' as const } : {}) });
  }
  // Households and people from every authenticated answer (staff first: it sees the most).
  for (const as of ['staff', 'resident', 'other'] as const) {
    for (const byCaller of samples.values()) {
      const ex = byCaller.get(as);
      if (!ex || ex.status >= 300) continue;
      walk(ex.json, (o) => {
        if (typeof o.phone === 'string' && MOBILE.test(o.phone)) {
          fx.personal.phones.add(o.phone);
          if (typeof o.name === 'string' && o.name.trim()) fx.personal.names.add(o.name);
        }
        if (typeof o.householdId !== 'string') return;
        const known = fx.households.get(o.householdId);
        const settlement = SETTLEMENTS.find((x) => x === o.settlement);
        if (known) {
          if (settlement && !known.settlement) known.settlement = settlement;
          return;
        }
        const address = [o.household, o.address].find(isAddress);
        const contact = [o.contact, o.borrower].find(isContact);
        if (address && contact) fx.households.set(o.householdId, { id: o.householdId, address, contact, ...(settlement ? { settlement } : {}) });
      });
    }
  }
  return fx;
}

/** The list endpoint whose records a path parameter names: `/bookings` for `/bookings/{bookingId}`. */
export function listFor(id: EndpointId, param: string): EndpointId | undefined {
  const path = endpoints[id].path;
  const parent = path.slice(0, path.indexOf(`/{${param}}`));
  return (Object.keys(endpoints) as EndpointId[]).find((k) => {
    const ep: Endpoint = endpoints[k];
    return ep.method === 'GET' && !ep.params && ep.path === parent;
  });
}

/** The records of a list endpoint as a caller saw them in discovery. */
export const recordsOf = (fx: Fixtures, list: EndpointId, as: Caller): Record<string, unknown>[] => {
  const ex = fx.samples.get(list)?.get(as);
  return ex && ex.status < 300 ? itemsOf(ex.json) : [];
};

/** Every value of property `key` in the discovered answers. */
function valuesOf(fx: Fixtures, key: string): string[] {
  const out = new Set<string>();
  for (const byCaller of fx.samples.values()) for (const ex of byCaller.values()) walk(ex.json, (o) => void (typeof o[key] === 'string' && out.add(o[key])));
  return [...out];
}

/**
 * Path parameters for `id` called by `as`: `own` picks records the caller may see (from its own
 * list); `foreign` picks, for a resident, records of another household (from the staff's and the
 * other resident's lists). A parameter without a parent list (`serviceId`) is any value of that
 * property seen in discovery, services with a slot policy first. `undefined` when there is none.
 */
export function paramsFor(fx: Fixtures, id: EndpointId, as: Caller, which: 'own' | 'foreign' = 'own'): Record<string, string> | undefined {
  const ep: Endpoint = endpoints[id];
  const out: Record<string, string> = {};
  const ownHousehold = fx.me.resident?.household?.id;
  for (const param of Object.keys(shapeOf(ep.params))) {
    const list = listFor(id, param);
    let value: unknown;
    if (list) {
      if (which === 'own') value = recordsOf(fx, list, as)[0]?.id;
      else {
        const theirs = [...recordsOf(fx, list, 'other'), ...recordsOf(fx, list, 'staff')];
        value = theirs.find((r) => typeof r.householdId === 'string' && r.householdId !== ownHousehold)?.id;
      }
    } else if (which === 'own') {
      const slotted = new Set((fx.catalog?.items ?? []).filter((i) => i.slots).map((i) => i.id));
      value = valuesOf(fx, param).sort((a, b) => Number(slotted.has(b)) - Number(slotted.has(a)))[0];
    }
    if (typeof value !== 'string') return undefined;
    out[param] = value;
  }
  return out;
}

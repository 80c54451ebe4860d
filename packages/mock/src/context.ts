import type { EndpointId, Endpoints } from '@bianmin/sdk';
import type * as z from 'zod/mini';
import { forbidden } from './http.js';
import type { MockState } from './types.js';

/** Who is calling, from the bearer token: `resident.<householdId>`, `staff.<staffId>`, or nobody. */
export type Caller =
  | { role: 'public' }
  | { role: 'resident'; householdId: string; token: string }
  | { role: 'staff'; staffId: string; token: string };

/** What a handler gets besides its validated input. Handlers are synchronous: check and write happen in one turn. */
export interface Ctx {
  state: MockState;
  now: Date;
  /** `now` as an instant of the compound (`…+08:00`). */
  nowIso: string;
  caller: Caller;
  /** Call after changing the state, so it is saved. */
  changed(): void;
}

type Part<E, K extends string> = E extends { readonly [P in K]: infer S extends z.ZodMiniType } ? z.output<S> : undefined;

export interface HandlerInput<K extends EndpointId> {
  params: Part<Endpoints[K], 'params'>;
  query: Part<Endpoints[K], 'query'>;
  body: Part<Endpoints[K], 'body'>;
}

export type Handler<K extends EndpointId> = (ctx: Ctx, input: HandlerInput<K>) => z.input<Endpoints[K]['response']>;
export type Handlers = { [K in EndpointId]: Handler<K> };

/** A resident only ever sees their own household's records (403 on another's). */
export function assertOwn(caller: Caller, householdId: string | undefined): void {
  if (caller.role === 'resident' && householdId !== caller.householdId) throw forbidden();
}

/** Records a caller may list: a resident's own, everything for staff. */
export function visible<T extends { householdId?: string }>(caller: Caller, records: readonly T[]): T[] {
  return caller.role === 'resident' ? records.filter((r) => r.householdId === caller.householdId) : [...records];
}

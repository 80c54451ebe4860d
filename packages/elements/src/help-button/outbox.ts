import type { HelpKind, HelpRequest, HelpRequestInput } from '@bianmin/sdk';
import { browserStorage, createOutbox, type Outbox, type OutboxStorage } from '@bianmin/sdk/outbox';
import type { BianminClient } from '../base/context.js';

/**
 * What is kept of a delivered help request: its id, number and kind (so its card still says what it
 * was while its progress cannot be looked up), never the person's data.
 */
export interface HelpReceipt {
  id: string;
  number: string;
  /** Absent in receipts stored before it was kept. */
  kind?: HelpKind;
}

export type HelpOutbox = Outbox<HelpRequestInput, HelpRequest, HelpReceipt>;

interface Held {
  outbox: HelpOutbox;
  storage: OutboxStorage;
  users: number;
}

// One outbox per client and storage name on a page, shared by every help button that uses them.
const held = new WeakMap<BianminClient, Map<string, Held>>();

/**
 * The help outbox of `client` named `name`, started (it sends what is queued, retries with backoff
 * and when the browser is back online). `storage` only counts for the first user of a name.
 * Release it with `releaseHelpOutbox` when done; the last release stops its retries.
 */
export function acquireHelpOutbox(client: BianminClient, name: string, storage?: OutboxStorage): Held {
  let byName = held.get(client);
  if (!byName) held.set(client, (byName = new Map()));
  let h = byName.get(name);
  if (!h) {
    const s = storage ?? browserStorage();
    const outbox: HelpOutbox = createOutbox({
      name,
      storage: s,
      send: (e) => client.help.create(e.payload, { idempotencyKey: e.key }),
      receipt: (r) => ({ id: r.id, number: r.number, kind: r.kind }),
    });
    byName.set(name, (h = { outbox, storage: s, users: 0 }));
  }
  if (h.users++ === 0) void h.outbox.start();
  return h;
}

export function releaseHelpOutbox(client: BianminClient, name: string): void {
  const h = held.get(client)?.get(name);
  if (h && --h.users === 0) h.outbox.stop();
}

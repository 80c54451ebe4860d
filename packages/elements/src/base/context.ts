import { createContext } from '@lit/context';
import type { BianminClient, Compound, Locale } from '@bianmin/sdk';

export type { BianminClient };


/** What `<bm-provider>` gives every widget below it. */
export interface BianminContext {
  client: BianminClient;
  locale: Locale;
  /** The compound's settings, once loaded: name, 24-hour phone, time zone. */
  compound?: Compound;
  /** The compound's clock; every time is shown in it. */
  timeZone: string;
}

export const bianminContext = createContext<BianminContext>(Symbol.for('bianmin.context'));

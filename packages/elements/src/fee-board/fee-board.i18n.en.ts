import type { Translation } from '../i18n/localize.js';
import type { FeeBoardMessages } from './fee-board.i18n.js';

/** English strings of `<bm-fee-board>`: loaded on demand, the first time English is shown (see fee-board.i18n.ts). */
export const en: Translation<FeeBoardMessages> = {
  title: 'Service charges',
  version: (version: string) => `Price list ${version}`,
  effectiveFrom: (date: string) => `effective ${date}`,
  servicePhone: '24-hour service line',
  continued: ' (continued)',
  notes: 'Notes',
  noRows: 'This price list has no services to show.',
  clock: 'Beijing time',
  updatedAt: (time: string) => `Updated ${time}`,
  offline: 'Offline',
  offlineLong: (time: string) => `No network: showing the price list updated at ${time}. It updates by itself once the network is back.`,
  unavailable: (phone: string) => `The price list is not available right now. Please call ${phone}`,
  unavailableDetail: 'The last successful update is too old, so prices are not shown rather than risk showing wrong ones.',
  upcoming: (version: string, date: string) => `New price list ${version} takes effect ${date}`,
  page: (page: number, total: number) => `${page}/${total}`,
  pageLabel: (page: number, total: number) => `Page ${page} of ${total}`,
};

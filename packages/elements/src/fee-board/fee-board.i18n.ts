import type { Dictionaries } from '../i18n/localize.js';

/** Every visible string of `<bm-fee-board>`, including accessible names. */
const zhCN = {
  title: '收费标准公示',
  version: (version: string) => `版本 ${version}`,
  effectiveFrom: (date: string) => `${date}起执行`,
  servicePhone: '24小时服务电话',
  continued: '（续）',
  notes: '说明',
  price: '收费标准',
  noRows: '本价目表暂无可显示的收费项目。',
  clock: '北京时间',
  updatedAt: (time: string) => `更新于 ${time}`,
  offline: '离线',
  offlineLong: (time: string) => `网络中断，显示的是 ${time} 更新的价目表，恢复后自动更新。`,
  unavailable: (phone: string) => `价目表暂不可用，请致电 ${phone}`,
  unavailableNoPhone: '价目表暂不可用，请咨询物业服务中心。',
  unavailableDetail: '最近一次成功更新已超过允许的时长，为免误导，暂不显示价格。',
  upcoming: (version: string, date: string) => `新价目表 ${version} 将于 ${date}起执行`,
  page: (page: number, total: number) => `${page}/${total}`,
  pageLabel: (page: number, total: number) => `第 ${page} 页，共 ${total} 页`,
};

export const feeBoardMessages: Dictionaries<typeof zhCN> = {
  'zh-CN': zhCN,
  en: {
    title: 'Service charges',
    version: (version: string) => `Version ${version}`,
    effectiveFrom: (date: string) => `effective ${date}`,
    servicePhone: '24-hour service line',
    continued: ' (continued)',
    notes: 'Notes',
    price: 'Price',
    noRows: 'This price list has no services to show.',
    clock: 'Beijing time',
    updatedAt: (time: string) => `Updated ${time}`,
    offline: 'Offline',
    offlineLong: (time: string) => `No network: showing the price list updated at ${time}. It updates by itself once the network is back.`,
    unavailable: (phone: string) => `The price list is not available right now. Please call ${phone}`,
    unavailableNoPhone: 'The price list is not available right now. Please ask the property service centre.',
    unavailableDetail: 'The last successful update is too old, so prices are not shown rather than risk showing wrong ones.',
    upcoming: (version: string, date: string) => `New price list ${version} takes effect ${date}`,
    page: (page: number, total: number) => `${page}/${total}`,
    pageLabel: (page: number, total: number) => `Page ${page} of ${total}`,
  },
};
export type FeeBoardMessages = typeof zhCN;

import { MessageCatalog } from '../i18n/localize.js';

/** Every visible string of `<bm-fee-board>`, including accessible names. */
const zhCN = {
  title: '收费标准公示',
  /** The list's own label, which names it already (e.g. "2026版"). */
  version: (version: string) => `价目表 ${version}`,
  effectiveFrom: (date: string) => `${date}起执行`,
  servicePhone: '24小时服务电话',
  continued: '（续）',
  notes: '说明',
  noRows: '本价目表暂无可显示的收费项目。',
  clock: '北京时间',
  updatedAt: (time: string) => `更新于 ${time}`,
  offline: '离线',
  offlineLong: (time: string) => `网络中断，显示的是 ${time} 更新的价目表，恢复后自动更新。`,
  unavailable: (phone: string) => `价目表暂不可用，请致电 ${phone}`,
  unavailableDetail: '最近一次成功更新已超过允许的时长，为免误导，暂不显示价格。',
  upcoming: (version: string, date: string) => `新价目表 ${version} 将于 ${date}起执行`,
  page: (page: number, total: number) => `${page}/${total}`,
  pageLabel: (page: number, total: number) => `第 ${page} 页，共 ${total} 页`,
};
export type FeeBoardMessages = typeof zhCN;

/** zh-CN inline; English is a module of its own (fee-board.i18n.en.ts), loaded the first time it is shown. */
export const feeBoardMessages: MessageCatalog<FeeBoardMessages> = new MessageCatalog(zhCN, {
  en: () => import('./fee-board.i18n.en.js').then((m) => m.en),
});

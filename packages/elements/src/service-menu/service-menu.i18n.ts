import { MessageCatalog } from '../i18n/localize.js';

const zhCN = {
  menuLabel: '便民服务项目',
  handbookTitle: '便民服务手册',
  searchLabel: '搜索服务',
  searchPlaceholder: '输入服务名称或关键词，如“保洁”“空调”',
  filtersLabel: '适用对象',
  audienceAll: '全部',
  audienceHousehold: '居民',
  audienceOffice: '办公企业',
  audienceShop: '商铺',
  resultCount: (n: number) => `共 ${n} 项服务`,
  itemsLabel: '服务列表，用上下方向键浏览，回车预约',
  noMatch: (query: string) => `没有找到与“${query}”相关的服务。`,
  noMatchAudience: '没有面向该对象的服务。',
  clearSearch: '清除搜索',
  showAll: '显示全部服务',
  showMore: (n: number) => `显示更多（还有 ${n} 项）`,
  emptyCatalog: '价目表中暂无服务项目。',
  book: '预约',
  bookLabel: (name: string) => `预约：${name}`,
  phone: (number: string) => `电话 ${number}`,
  phoneLabel: (name: string, number: string) => `电话办理${name}：${number}`,
  phoneNoNumber: '电话办理',
  desk: '到服务台办理',
  agreement: '可签长期协议',
  unfiled: '其他服务',
  version: (version: string, date: string) => `${version}，${date}起执行`,
  servicePhone: (number: string) => `24小时服务电话 ${number}`,
  offlineRetry: '重新连接',
  notesLabel: '说明',
};
export type ServiceMenuMessages = typeof zhCN;

/** zh-CN inline; English is a module of its own (service-menu.i18n.en.ts), loaded the first time it is shown. */
export const messages: MessageCatalog<ServiceMenuMessages> = new MessageCatalog(zhCN, {
  en: () => import('./service-menu.i18n.en.js').then((m) => m.en),
});

import { MessageCatalog } from '../i18n/localize.js';

/** Strings of `<bm-slot-picker>`. */
const zhCN = {
  label: '预约时间',
  days: '日期',
  /** The legend of a day's slots, or in `times` mode its times (a service without slots has no 时段). */
  slotsOf: (day: string, times: boolean) => `${day}的${times ? '时间' : '时段'}`,
  today: '今天',
  tomorrow: '明天',
  dayShort: (month: number, day: number) => `${month}月${day}日`,
  freeCount: (n: number) => `${n} 个空闲`,
  dayFull: '已约满',
  dayClosed: '不开放',
  left: (n: number) => `剩 ${n} 个`,
  /** A slot's state in words, keyed by `SlotState`. */
  available: '可预约',
  full: '已约满',
  'too-soon': '已过预约截止时间',
  closed: '不可预约',
  'quota-reached': '本户当日已达上限',
  noSlots: '这几天没有可以预约的时段，请致电服务中心。',
  dayNotOpen: '这一天不开放预约，请选择其他日期。',
  clear: '不指定时间',
  timePassed: '您选的时间已经过去了，请另选一个时间。',
  endsAfterClose: '按所选时长会超过营业时间，请另选一个时间。',
  chosen: (when: string) => `已选：${when}`,
  zoneNote: (zone: string) => (zone === 'Asia/Shanghai' ? '时间均为北京时间。' : `时间均为 ${zone} 时间。`),
};
export type SlotPickerMessages = typeof zhCN;

/** zh-CN inline; English is a module of its own (slot-picker.i18n.en.ts), loaded the first time it is shown. */
export const messages: MessageCatalog<SlotPickerMessages> = new MessageCatalog(zhCN, {
  en: () => import('./slot-picker.i18n.en.js').then((m) => m.en),
});

import { MessageCatalog } from '../i18n/localize.js';

/** Strings of the form fields: validation messages and control labels. */
const zhCN = {
  valueMissing: (label: string) => (label ? `请填写“${label}”。` : '请填写此项。'),
  choiceMissing: (label: string) => (label ? `请选择“${label}”。` : '请选择一项。'),
  patternMismatch: (label: string) => (label ? `“${label}”的格式不正确。` : '格式不正确。'),
  tooLong: (max: number) => `最多 ${max} 个字。`,
  badInput: '请输入整数。',
  rangeUnderflow: (min: number) => `不能少于 ${min}。`,
  rangeOverflow: (max: number) => `不能多于 ${max}。`,
  decrease: (label: string) => `减少${label}`,
  increase: (label: string) => `增加${label}`,
};
export type FieldMessages = typeof zhCN;

/** zh-CN inline; English is a module of its own (fields.i18n.en.ts), loaded the first time it is shown. */
export const fieldMessages: MessageCatalog<FieldMessages> = new MessageCatalog(zhCN, {
  en: () => import('./fields.i18n.en.js').then((m) => m.en),
});

import type { Dictionaries } from '../i18n/localize.js';

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
  length: (n: number, max: number) => `${n}/${max}`,
};

export const fieldMessages: Dictionaries<typeof zhCN> = {
  'zh-CN': zhCN,
  en: {
    valueMissing: (label: string) => (label ? `Please fill in “${label}”.` : 'Please fill in this field.'),
    choiceMissing: (label: string) => (label ? `Please choose “${label}”.` : 'Please choose one.'),
    patternMismatch: (label: string) => (label ? `“${label}” is not in the expected format.` : 'Not in the expected format.'),
    tooLong: (max: number) => `At most ${max} characters.`,
    badInput: 'Please enter a whole number.',
    rangeUnderflow: (min: number) => `At least ${min}.`,
    rangeOverflow: (max: number) => `At most ${max}.`,
    decrease: (label: string) => `Decrease ${label}`,
    increase: (label: string) => `Increase ${label}`,
    length: (n: number, max: number) => `${n}/${max}`,
  },
};
export type FieldMessages = typeof zhCN;

import type { Dictionaries } from './localize.js';

/** An attribute value as quoted in a message: long values are cut, so the message stays readable. */
const clip = (value: string): string => (value.length > 60 ? `${value.slice(0, 57)}…` : value);

/** Strings every widget shares: states, errors, actions. */
const zhCN = {
  loading: '正在加载…',
  empty: '暂无内容',
  retry: '重试',
  close: '关闭',
  cancel: '取消',
  noProvider: (tag: string) => `<${tag}> 需要放在 <bm-provider> 内：请用 <bm-provider base-url="…"> 包住它。`,
  providerNeedsClient: '<bm-provider> 需要 base-url 属性或 client 属性。',
  offline: '网络已断开，恢复后会自动重试。',
  errorNetwork: '网络连接失败，请检查网络后重试。',
  errorTimeout: '服务器响应超时，请稍后重试。',
  errorShape: '服务器返回的数据格式有误，已停止显示以免出错。请联系物业。',
  errorValidation: '填写的内容有误，请检查标出的项目。',
  errorUnauthorized: '请先登录。',
  errorForbidden: '您没有查看此内容的权限。',
  errorNotFound: '没有找到该内容。',
  errorConflict: '操作与当前状态冲突，请刷新后重试。',
  errorRateLimit: '请求过于频繁，请稍后再试。',
  errorServer: '服务器暂时不可用，请稍后重试。',
  errorUnknown: '出错了，请稍后重试。',
  requestId: (id: string) => `请求编号 ${id}`,
  invalidAttribute: (name: string, value: string) => `属性 ${name}="${clip(value)}" 无效。`,
};

export const commonMessages: Dictionaries<typeof zhCN> = {
  'zh-CN': zhCN,
  en: {
    loading: 'Loading…',
    empty: 'Nothing here yet',
    retry: 'Retry',
    close: 'Close',
    cancel: 'Cancel',
    noProvider: (tag: string) => `<${tag}> must be placed inside <bm-provider>: wrap it in <bm-provider base-url="…">.`,
    providerNeedsClient: '<bm-provider> needs a base-url attribute or a client property.',
    offline: 'You are offline. We will try again when the network is back.',
    errorNetwork: 'Could not reach the server. Check the network and try again.',
    errorTimeout: 'The server took too long to answer. Try again shortly.',
    errorShape: 'The server sent data in an unexpected shape, so it is not shown. Please contact the property office.',
    errorValidation: 'Some fields need attention.',
    errorUnauthorized: 'Please sign in first.',
    errorForbidden: 'You are not allowed to see this.',
    errorNotFound: 'Not found.',
    errorConflict: 'This conflicts with the current state. Refresh and try again.',
    errorRateLimit: 'Too many requests. Try again in a moment.',
    errorServer: 'The server is unavailable right now. Try again shortly.',
    errorUnknown: 'Something went wrong. Try again shortly.',
    requestId: (id: string) => `Request ${id}`,
    invalidAttribute: (name: string, value: string) => `Attribute ${name}="${clip(value)}" is not valid.`,
  },
};
export type CommonMessages = typeof zhCN;

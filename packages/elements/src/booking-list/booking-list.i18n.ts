import type { BookingStatus } from '@bianmin/sdk';
import { MessageCatalog } from '../i18n/localize.js';

/** How long before the start a booking can be cancelled: "4小时" / "30分钟". */
const zhSpan = (minutes: number): string => (minutes % 60 === 0 ? `${minutes / 60}小时` : `${minutes}分钟`);

const zhRatings = ['', '很不满意', '不满意', '一般', '满意', '非常满意'];

const zhStatus: Record<BookingStatus, string> = {
  requested: '待确认',
  'quote-requested': '待报价',
  quoted: '已报价',
  confirmed: '已确认',
  'in-progress': '服务中',
  completed: '已完成',
  cancelled: '已取消',
  rejected: '未受理',
  'no-show': '未到场',
};

const zhCN = {
  label: '我的预约',
  tabUpcoming: '即将进行',
  tabPast: '已结束',
  emptyUpcoming: '还没有预约',
  emptyPast: '还没有已结束的预约',
  invalidPageSize: (value: string) => `属性 page-size="${value}" 无效：应为 1 到 200 的整数。`,
  status: (status: BookingStatus) => zhStatus[status],
  statusLabel: '状态：',
  number: '预约编号',
  time: '时间',
  wanted: '期望时间',
  submitted: '提交时间',
  price: '费用',
  priceFrom: (money: string) => `${money} 起`,
  priceInspection: '上门查看后报价',
  priceInspectionFrom: (money: string) => `${money} 起，上门查看后报价`,
  free: '免费',
  reason: (note: string) => `原因：${note}`,
  cancel: '取消预约',
  forService: (service: string) => `：${service}`,
  cancellableUntil: (deadline: string) => `可在 ${deadline} 前取消`,
  windowClosed: (minutes: number, deadline: string) => `可在服务开始前${zhSpan(minutes)}取消，已过截止时间 ${deadline}。`,
  windowClosedAtStart: (deadline: string) => `服务开始后不能取消，已过截止时间 ${deadline}。`,
  callDesk: '如需更改，请致电物业服务中心：',
  confirmTitle: (service: string) => `确定取消“${service}”吗？`,
  reasonLabel: '取消原因（选填）',
  confirmCancel: '确认取消',
  keepBooking: '不取消',
  cancelling: '正在取消…',
  cancelled: (number: string) => `已取消预约 ${number}。`,
  windowClosedError: '取消截止时间已过，不能再在线取消。',
  statusChangedError: '这个预约的状态已经变了，不能取消。已为您刷新。',
  followUpOpen: '评价这次服务',
  followUpLabel: (service: string) => `评价这次服务：${service}`,
  kindLabel: '回访方式',
  kindRating: '评分',
  kindComplaint: '投诉',
  ratingLabel: '满意程度',
  starName: (n: number) => `${n} 星：${zhRatings[n] ?? ''}`,
  ratingName: (n: number) => zhRatings[n] ?? '',
  commentLabel: '意见（选填）',
  complaintLabel: '投诉内容（必填）',
  complaintHint: '投诉会转给物业投诉处理流程，工作人员会联系您。',
  send: '提交',
  sending: '正在提交…',
  closeForm: '收起',
  ratingRequired: '请选择 1 到 5 星。',
  complaintRequired: '请写下投诉内容。',
  feedbackConflict: '这个预约已经评价过，或还不能评价。已为您刷新。',
  feedbackSent: '感谢您的回访意见，已提交。',
  givenRating: (n: number) => `您的评分：${n} 星（满分 5 星）`,
  givenComplaint: '您的投诉已提交，将按投诉流程处理',
  givenAt: (when: string) => `提交于 ${when}`,
  loadMore: '加载更多',
  loadingMore: '正在加载…',
  shown: (n: number) => `已显示 ${n} 条`,
  loadedMore: (n: number) => `又加载了 ${n} 条预约。`,
  allLoaded: '已全部显示',
};
export type BookingListMessages = typeof zhCN;

/** zh-CN inline; English is a module of its own (booking-list.i18n.en.ts), loaded the first time it is shown. */
export const messages: MessageCatalog<BookingListMessages> = new MessageCatalog(zhCN, {
  en: () => import('./booking-list.i18n.en.js').then((m) => m.en),
});

import type { LoanCondition, LoanStatus, Shift } from '@bianmin/sdk';
import { MessageCatalog } from '../i18n/localize.js';
import type { LoanLedgerView } from './loan-ledger.js';
import type { LoanFilter, SortKey } from './sorting.js';

/** How late a loan is, from whole minutes: "逾期 2 天 3 小时", "逾期 6 小时", "逾期 45 分钟". */
function zhLate(minutes: number): string {
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  if (d > 0) return `逾期 ${d} 天${h > 0 ? ` ${h} 小时` : ''}`;
  if (h > 0) return `逾期 ${h} 小时${m > 0 ? ` ${m} 分钟` : ''}`;
  return `逾期 ${m} 分钟`;
}

/** A loan period in hours: whole days as days ("2 天"), else hours. */
const zhPeriod = (hours: number): string => (hours % 24 === 0 ? `${hours / 24} 天` : `${hours} 小时`);

/** `YYYY-MM` as a heading: "2026年3月". */
const zhMonth = (month: string): string => `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月`;

const zhView: Record<LoanLedgerView, string> = { ledger: '借用登记', handover: '交接班', report: '零损坏报表' };
const zhStatus: Record<LoanStatus, string> = { out: '借出中', returned: '已归还', lost: '已丢失', given: '已领用' };
const zhCondition: Record<LoanCondition, string> = { good: '完好', damaged: '损坏', lost: '丢失' };
const zhFilter: Record<LoanFilter, string> = { out: '借出中', overdue: '已逾期', returned: '已归还', all: '全部' };
const zhColumn: Record<SortKey | 'borrower' | 'status' | 'action', string> = {
  item: '物品',
  household: '住户',
  borrower: '借用人',
  lent: '借出时间',
  due: '应还时间',
  status: '状态',
  action: '操作',
};
const zhShift: Record<Shift, string> = { day: '白班（管理员）', night: '夜班（保安班长）' };

const zhCN = {
  label: '便民箱借用登记',
  residentLabel: '便民箱',
  viewsLabel: '便民箱视图',
  view: (v: LoanLedgerView) => zhView[v],
  shiftLabel: '当班',
  shift: (s: Shift) => zhShift[s],
  // The cabinet
  cabinetTitle: '便民箱物品',
  residentCabinetTitle: '现在可以借用',
  cabinetEmpty: '便民箱里还没有登记物品。',
  residentCabinetEmpty: '现在柜里没有可借的物品，请稍后再来或致电物业服务中心。',
  colName: '物品',
  colStock: '在柜 / 总数',
  colPeriod: '借期',
  colDeposit: '押金',
  stock: (available: number, total: number) => `${available} / ${total}`,
  stockLong: (available: number, total: number) => `在柜 ${available} 件，共 ${total} 件`,
  availableNow: (n: number) => `现有 ${n} 件`,
  period: zhPeriod,
  periodLong: (hours: number) => `借期 ${zhPeriod(hours)}`,
  consumable: '消耗品，领用不还',
  noDeposit: '无',
  depositLong: (money: string) => `押金 ${money}`,
  lend: '借出',
  lendItem: (item: string) => `：${item}`,
  soldOut: '已借完',
  lendAny: '借出登记',
  // The register
  loansTitle: '借用记录',
  residentLoansTitle: '我的借用',
  filterLabel: '显示',
  filter: (f: LoanFilter) => zhFilter[f],
  searchLabel: '按住户或物品搜索',
  searchPlaceholder: '如 2栋0601、雨伞',
  residentSearchLabel: '按物品搜索',
  residentSearchPlaceholder: '如 雨伞',
  search: '搜索',
  column: (c: SortKey | 'borrower' | 'status' | 'action') => zhColumn[c],
  count: (n: number) => `共 ${n} 条`,
  countLoading: (n: number) => `已加载 ${n} 条，正在继续加载…`,
  countPartial: (n: number) => `已加载 ${n} 条`,
  moreFailed: '后面的记录没有加载成功。',
  loansEmpty: '没有符合条件的借用记录。',
  residentLoansEmpty: '您还没有借用记录。',
  household: (building: string, room: string) => `${building}${room}`,
  quantity: (item: string, n: number) => (n > 1 ? `${item} ×${n}` : item),
  status: (s: LoanStatus) => zhStatus[s],
  returnedAs: (c: LoanCondition) => `已归还（${zhCondition[c]}）`,
  late: zhLate,
  noDue: '不需归还',
  call: (name: string) => `致电 ${name}`,
  checkIn: '归还',
  checkInLoan: (item: string, household: string) => `：${item}，${household}`,
  // Check-out dialog
  checkoutTitle: '借出登记',
  fieldBuilding: '楼栋',
  fieldRoom: '房号',
  fieldName: '借用人姓名',
  fieldPhone: '手机号',
  fieldItem: '物品',
  fieldQuantity: '数量',
  fieldDue: '应还时间（北京时间）',
  dueHint: '格式：2026-03-12 18:00，按物品借期预填，可修改。',
  fieldNote: '备注（选填）',
  itemOption: (item: string, available: number) => `${item}（现有 ${available}）`,
  itemOptionSoldOut: (item: string) => `${item}（已借完）`,
  availableHint: (n: number) => `柜里现有 ${n} 件。`,
  depositNote: (money: string) => `需交押金 ${money}，由收银处收取，归还时退还。`,
  noDepositNote: '无需押金。',
  /** On return: the cashier refunds the deposit, or settles it when the item comes back damaged or not at all. */
  depositBack: (money: string, settle: boolean) => `押金 ${money} 由收银处${settle ? '按物品情况结算' : '退还'}。`,
  consumableNote: '消耗品：领取后不需归还。',
  recordedShift: (shift: string) => `经办班次：${shift}`,
  submitCheckout: '确认借出',
  saving: '正在登记…',
  errBuilding: '请填写楼栋，如 2栋。',
  errRoom: '请填写房号，如 0601。',
  errName: '请填写借用人姓名。',
  errPhone: '请填写 11 位手机号（1 开头）。',
  errItem: '请选择物品。',
  errQuantity: (max: number) => `数量应为 1 到 ${max} 的整数。`,
  errSoldOut: '这件物品柜里已经没有了。',
  errDue: '请按 2026-03-12 18:00 的格式填写应还时间。',
  errDuePast: '应还时间应晚于现在。',
  errHousehold: '小区里没有这个楼栋和房号，请核对。',
  errorsAbove: (n: number) => `有 ${n} 项需要修改，请查看标出的项目。`,
  outOfStock: (item: string, n: number) => `柜里的“${item}”不够了：现在只有 ${n} 件（刚被借走）。库存已刷新，您填写的内容都还在。`,
  checkedOut: (item: string, household: string) => `已借给 ${household}：${item}。`,
  // Check-in dialog
  returnTitle: '归还登记',
  returnSummary: (item: string, household: string, borrower: string) => `${item} · ${household} · ${borrower}`,
  conditionLabel: '归还时的状态',
  condition: (c: LoanCondition) => zhCondition[c],
  conditionHint: '损坏或丢失会计入本月零损坏报表。',
  returnNote: '备注（选填，如损坏情况）',
  submitReturn: '确认归还',
  submitLost: '登记丢失',
  returnConflict: '这条记录已被处理过（可能是另一个班次），列表已刷新。',
  returned: (item: string, household: string, condition: string) => `已登记归还 ${item}（${household}），状态：${condition}。`,
  // Handover
  handoverTitle: (from: string, to: string) => `交接班：${from} → ${to}`,
  handoverAt: (at: string) => `交接时间 ${at}`,
  handoverCounts: (out: number, overdue: number) => `借出中 ${out} 条，其中逾期 ${overdue} 条`,
  handoverItems: '在外物品',
  colOut: '借出',
  colOverdue: '逾期',
  handoverOverdue: '逾期未还',
  handoverNothingOut: '柜里的东西都在，没有借出的物品。',
  handoverNoOverdue: '没有逾期的借用。',
  handoverSign: '交班人签字：＿＿＿＿　　接班人签字：＿＿＿＿',
  print: '打印交接单',
  refresh: '刷新',
  // Zero-loss report
  reportTitle: (month: string) => `${zhMonth(month)} 零损坏、零丢失报表`,
  prevMonth: '上个月',
  nextMonth: '下个月',
  monthName: zhMonth,
  colDamaged: '损坏',
  colLost: '丢失',
  colCost: '损失金额',
  total: '合计',
  reportZero: (month: string) => `${zhMonth(month)}零损坏、零丢失。`,
  reportCostNote: '损失金额按购置价计：损坏的物品也按更换计。',
  // Attributes
  invalidShift: (value: string) => `属性 shift="${value}" 无效：应为 day（白班）或 night（夜班）。`,
};
export type LoanLedgerMessages = typeof zhCN;

/** zh-CN inline; English is a module of its own (loan-ledger.i18n.en.ts), loaded the first time it is shown. */
export const messages: MessageCatalog<LoanLedgerMessages> = new MessageCatalog(zhCN, {
  en: () => import('./loan-ledger.i18n.en.js').then((m) => m.en),
});

import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { wantedTimes } from '@bianmin/sdk/rules';
import type { OpeningHours } from '@bianmin/sdk';
import '../packages/elements/src/define/booking-form.js';
import type { ChoiceOption } from '../packages/elements/src/fields/choice-field.js';
import type { BmFormField } from '../packages/elements/src/fields/form-field.js';

const settlements: ChoiceOption[] = [
  { value: 'per-visit', label: '次结', description: '每次服务后在收银处付款' },
  { value: 'monthly', label: '月结', description: '当月服务合并到月结单' },
  { value: 'prepaid', label: '预付', description: '租户先交押金', disabled: true },
];
const amenities: ChoiceOption[] = [
  { value: 'tea', label: '茶水' },
  { value: 'sound', label: '音响' },
  { value: 'projector', label: '投影仪' },
];

/** The car wash's hours: the wanted-time picker offers every half hour of them, from now on. */
const carWashHours: OpeningHours[] = [{ days: [1, 2, 3, 4, 5, 6, 7], open: '08:00', close: '18:00' }];
const aWantedTime = (): string => wantedTimes({ hours: carWashHours }, { now: Date.now(), days: 3, stepMinutes: 30 })[2] ?? '';

/** One of each field, as a host page's own `<form>` would hold them. */
const fields = (opts: { values?: boolean; disabled?: boolean; locale?: string } = {}) => html`<form
  style="display:grid;gap:1rem;max-width:28rem"
  @submit=${(e: Event) => e.preventDefault()}
>
  <bm-text-field
    name="name"
    label="联系人"
    hint="上门时联系的人"
    required
    value=${opts.values ? '王芳' : ''}
    ?disabled=${opts.disabled}
    locale=${opts.locale ?? 'zh-CN'}
  ></bm-text-field>
  <bm-text-field
    name="phone"
    type="tel"
    label="手机号"
    required
    pattern="1[3-9]\\d{9}"
    pattern-message="请填写11位手机号"
    value=${opts.values ? '13812345678' : ''}
    ?disabled=${opts.disabled}
    locale=${opts.locale ?? 'zh-CN'}
  ></bm-text-field>
  <bm-number-field
    name="people"
    label="人数"
    unit="人"
    min="1"
    max="12"
    required
    value=${opts.values ? '6' : ''}
    ?disabled=${opts.disabled}
    locale=${opts.locale ?? 'zh-CN'}
  ></bm-number-field>
  <bm-radio-group
    name="settlement"
    label="结算方式"
    required
    .options=${settlements}
    value=${opts.values ? 'monthly' : ''}
    ?disabled=${opts.disabled}
    locale=${opts.locale ?? 'zh-CN'}
  ></bm-radio-group>
  <bm-checkbox-group
    name="amenities"
    label="需要的服务"
    .options=${amenities}
    value=${opts.values ? 'tea projector' : ''}
    ?disabled=${opts.disabled}
    locale=${opts.locale ?? 'zh-CN'}
  ></bm-checkbox-group>
  <bm-slot-picker
    name="wantedAt"
    mode="times"
    days="7"
    label="期望时间"
    .hours=${carWashHours}
    value=${opts.values ? aWantedTime() : ''}
    ?disabled=${opts.disabled}
    locale=${opts.locale ?? 'zh-CN'}
  ></bm-slot-picker>
  <bm-text-field name="notes" label="备注" multiline maxlength="500" ?disabled=${opts.disabled} locale=${opts.locale ?? 'zh-CN'}></bm-text-field>
</form>`;

const meta: Meta = {
  title: 'Widgets/Form fields',
  component: 'bm-text-field',
  tags: ['autodocs'],
};
export default meta;
type Story = StoryObj;

export const Empty: Story = { render: () => fields() };

export const Filled: Story = { render: () => fields({ values: true }) };

/** After the form is checked: every missing or wrong value says why, next to its field. */
export const Invalid: Story = {
  render: () => fields(),
  play: async ({ canvasElement }) => {
    const all = [...canvasElement.querySelectorAll<BmFormField<unknown> & HTMLElement>('[name]')];
    await Promise.all(all.map((f) => f.updateComplete));
    canvasElement.querySelector('form')!.checkValidity();
    await Promise.all(all.map((f) => f.updateComplete));
  },
};

export const Disabled: Story = { render: () => fields({ values: true, disabled: true }) };

export const English: Story = { render: () => fields({ locale: 'en' }) };

/**
 * A job booked by the hour (three hours here, `duration="180"`) must be done by closing: the picker
 * offers 08:00–15:00 of the car wash's 08:00–18:00, and a chosen 16:30 is taken back and said so.
 * The compound's clock is fixed at Monday 23 November 2026, 10:10.
 */
export const WantedTimeLongJob: Story = {
  render: () => html`<form style="max-width:28rem" @submit=${(e: Event) => e.preventDefault()}>
    <bm-slot-picker
      name="wantedAt"
      mode="times"
      days="7"
      duration="180"
      locale="zh-CN"
      label="期望时间"
      value="2026-11-24T16:30:00+08:00"
      .hours=${carWashHours}
      .now=${() => new Date('2026-11-23T10:10:00+08:00')}
    ></bm-slot-picker>
  </form>`,
};

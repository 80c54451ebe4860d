// One suite run over every form field element: each must take part in a native <form> exactly like
// a native control does (value, validity anchored on its real inner control, reset, restore,
// disabled by itself or by a fieldset), with its errors shown next to it.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { sendKeys } from '@web/test-runner-commands';
import { createHandlers, createMockBackend, DEMO_RESIDENT_TOKEN, FIXTURE_IDS } from '@bianmin/mock';
import '../../packages/elements/src/define/provider.js';
import '../../packages/elements/src/define/booking-form.js';
import type { BmFormField, FormStateValue } from '../../packages/elements/src/fields/form-field.js';
import type { BmSlotPicker } from '../../packages/elements/src/booking-form/slot-picker.js';
import { expectAccessible } from './helpers/axe.js';
import { useMsw } from './helpers/msw.js';

// Monday 10:10 in the compound: today's early slots have started, the next one is too soon.
const NOW = new Date('2026-11-23T10:10:00+08:00');
const backend = createMockBackend({ now: () => NOW });

type Field = BmFormField<string> | BmFormField<string[]>;

interface FieldCase {
  tag: string;
  /** Which use of the element, when a tag has several (`mode="times"`). */
  variant?: string;
  /** The field inside whatever it needs (a provider for the slot picker), with these attributes. */
  render(a: { name: string; required?: boolean; disabled?: boolean; value?: string }): TemplateResult;
  /** The entries while empty: a text-like control sends an empty string, a group sends nothing (as native ones do). */
  empty: string[];
  /** Waits until the field can be used (the slot picker loads its slots). */
  ready?(el: Field): Promise<void>;
  /** Sets a value the way a person does; returns the FormData entries it must produce. */
  choose(el: Field): Promise<string[]>;
  /** A default value given by attribute, and the entries it gives. */
  defaultValue(): Promise<{ attr: string; entries: string[] }>;
  /** A state the browser saved, and the entries once restored. */
  restore(): Promise<{ state: FormStateValue; entries: string[] }>;
}

const options = [
  { value: 'a', label: '甲' },
  { value: 'b', label: '乙' },
  { value: 'c', label: '丙' },
];

/** The first free tennis slot as the mock offers it. */
async function freeSlots(): Promise<string[]> {
  const res = await fetch(`/api/services/${FIXTURE_IDS.slotService}/availability?days=7`, { headers: { Authorization: `Bearer ${DEMO_RESIDENT_TOKEN}` } });
  const body = (await res.json()) as { slots: { start: string; end: string; state: string }[] };
  return body.slots.filter((s) => s.state === 'available').map((s) => `${s.start}/${s.end}`);
}

const cases: FieldCase[] = [
  {
    tag: 'bm-text-field',
    empty: [''],
    render: (a) => html`<bm-text-field label="姓名" name=${a.name} ?required=${a.required} ?disabled=${a.disabled} value=${a.value ?? ''}></bm-text-field>`,
    async choose(el) {
      el.focus();
      await sendKeys({ type: '王芳' });
      await sendKeys({ press: 'Tab' });
      return ['王芳'];
    },
    defaultValue: async () => ({ attr: '陈建国', entries: ['陈建国'] }),
    restore: async () => ({ state: '刘洋', entries: ['刘洋'] }),
  },
  {
    tag: 'bm-number-field',
    empty: [''],
    render: (a) =>
      html`<bm-number-field label="人数" unit="人" min="1" max="12" name=${a.name} ?required=${a.required} ?disabled=${a.disabled} value=${a.value ?? ''}></bm-number-field>`,
    async choose(el) {
      el.focus();
      await sendKeys({ type: '7' });
      await sendKeys({ press: 'ArrowUp' });
      await sendKeys({ press: 'Tab' });
      return ['8'];
    },
    defaultValue: async () => ({ attr: '3', entries: ['3'] }),
    restore: async () => ({ state: '5', entries: ['5'] }),
  },
  {
    tag: 'bm-radio-group',
    empty: [],
    render: (a) =>
      html`<bm-radio-group label="结算方式" name=${a.name} ?required=${a.required} ?disabled=${a.disabled} value=${a.value ?? ''} .options=${options}></bm-radio-group>`,
    async choose(el) {
      el.shadowRoot!.querySelectorAll('input')[1]!.click();
      return ['b'];
    },
    defaultValue: async () => ({ attr: 'c', entries: ['c'] }),
    restore: async () => ({ state: 'a', entries: ['a'] }),
  },
  {
    tag: 'bm-checkbox-group',
    empty: [],
    render: (a) =>
      html`<bm-checkbox-group label="配套服务" name=${a.name} ?required=${a.required} ?disabled=${a.disabled} value=${a.value ?? ''} .options=${options}></bm-checkbox-group>`,
    async choose(el) {
      const boxes = el.shadowRoot!.querySelectorAll('input');
      boxes[2]!.click();
      boxes[0]!.click();
      return ['a', 'c'];
    },
    defaultValue: async () => ({ attr: 'b c', entries: ['b', 'c'] }),
    restore: async () => ({ state: 'a b', entries: ['a', 'b'] }),
  },
  {
    tag: 'bm-slot-picker',
    empty: [],
    render: (a) => html`<bm-provider base-url="/api" .getToken=${() => DEMO_RESIDENT_TOKEN}>
      <bm-slot-picker service-id=${FIXTURE_IDS.slotService} name=${a.name} ?required=${a.required} ?disabled=${a.disabled} value=${a.value ?? ''}></bm-slot-picker>
    </bm-provider>`,
    async ready(el) {
      await waitUntil(() => (el as BmSlotPicker).availability.status === 'ready', 'the slots load');
      await el.updateComplete;
    },
    async choose(el) {
      const first = el.shadowRoot!.querySelector<HTMLInputElement>('input[name=slot]:enabled')!;
      first.click();
      return [first.value];
    },
    async defaultValue() {
      const slot = (await freeSlots())[2]!;
      return { attr: slot, entries: [slot] };
    },
    async restore() {
      const slot = (await freeSlots())[1]!;
      return { state: slot, entries: [slot] };
    },
  },
  {
    // A wanted time of a service without slots: no server, no provider; times every half hour from now on (10:30, 11:00, 11:30, …).
    // Fourteen days: more than the row shows, so it scrolls (and, disabled, must not need to).
    tag: 'bm-slot-picker',
    variant: ' mode="times"',
    empty: [],
    render: (a) =>
      html`<bm-slot-picker mode="times" days="14" .now=${() => NOW} name=${a.name} ?required=${a.required} ?disabled=${a.disabled} value=${a.value ?? ''}></bm-slot-picker>`,
    async choose(el) {
      const first = el.shadowRoot!.querySelector<HTMLInputElement>('input[name=slot]:enabled')!;
      first.click();
      return [first.value];
    },
    defaultValue: async () => ({ attr: '2026-11-23T11:30:00+08:00', entries: ['2026-11-23T11:30:00+08:00'] }),
    restore: async () => ({ state: '2026-11-23T11:00:00+08:00', entries: ['2026-11-23T11:00:00+08:00'] }),
  },
];

async function mount(c: FieldCase, a: Parameters<FieldCase['render']>[0], wrap: (t: TemplateResult) => TemplateResult = (t) => html`<form>${t}</form>`) {
  const host = await fixture<HTMLElement>(wrap(c.render(a)));
  const el = host.querySelector(c.tag) as Field;
  await el.updateComplete;
  await c.ready?.(el);
  const form = (host.tagName === 'FORM' ? host : host.querySelector('form')) as HTMLFormElement;
  return { el, form };
}

describe('every form field', () => {
  useMsw(...createHandlers(backend, { baseUrl: '/api' }));
  beforeEach(() => backend.reset());

  for (const c of cases) {
    describe(`<${c.tag}${c.variant ?? ''}>`, () => {
      it('is a form-associated element that delegates focus to a real native control', async () => {
        const { el } = await mount(c, { name: 'f' });
        expect((customElements.get(c.tag) as unknown as { formAssociated?: boolean }).formAssociated).to.equal(true);
        expect(el.shadowRoot!.delegatesFocus).to.equal(true);
        el.focus();
        const active = el.shadowRoot!.activeElement;
        expect(active, 'focus lands inside').to.exist;
        expect(['INPUT', 'TEXTAREA']).to.include(active!.tagName);
        await expectAccessible(el);
      });

      it('puts what the person chose into the form’s FormData under its name, and tells the page', async () => {
        const { el, form } = await mount(c, { name: 'f' });
        expect(new FormData(form).getAll('f'), 'empty before a choice').to.deep.equal(c.empty);
        let changes = 0;
        let inputs = 0;
        form.addEventListener('change', () => changes++);
        form.addEventListener('input', () => inputs++);
        const expected = await c.choose(el);
        await el.updateComplete;
        expect(new FormData(form).getAll('f')).to.deep.equal(expected);
        expect(changes, 'a composed change reaches the form').to.be.greaterThan(0);
        expect(inputs, 'input reaches the form').to.be.greaterThan(0);
      });

      it('starts from its value attribute and reports it', async () => {
        const d = await c.defaultValue();
        const { form } = await mount(c, { name: 'f', value: d.attr });
        expect(new FormData(form).getAll('f')).to.deep.equal(d.entries);
      });

      it('is invalid while required and empty, anchored on its inner control, and shows the error next to it', async () => {
        const { el, form } = await mount(c, { name: 'f', required: true });
        expect(el.validity.valueMissing).to.equal(true);
        expect(el.validationMessage).to.not.equal('');
        expect(form.checkValidity(), 'the form is blocked').to.equal(false);
        let submitted = false;
        form.addEventListener('submit', (e) => {
          e.preventDefault();
          submitted = true;
        });
        form.requestSubmit();
        expect(submitted, 'an invalid field stops submission').to.equal(false);
        await el.updateComplete;
        // reportValidity focuses the anchor: a real control inside the field.
        el.reportValidity();
        const anchor = el.shadowRoot!.activeElement;
        expect(anchor && ['INPUT', 'TEXTAREA'].includes(anchor.tagName), 'the anchor is the inner control').to.equal(true);
        await el.updateComplete;
        const error = el.shadowRoot!.querySelector('[part=error-message]') as HTMLElement;
        expect(error.hidden).to.equal(false);
        expect(error.textContent!.trim()).to.equal(el.validationMessage);
        const described = el.shadowRoot!.querySelector('[aria-describedby~=error]');
        expect(described, 'the error describes the control (or its group)').to.exist;
        expect(described!.getAttribute('aria-invalid')).to.equal('true');
        await expectAccessible(el);

        await c.choose(el);
        await el.updateComplete;
        expect(el.validity.valid).to.equal(true);
        expect(form.checkValidity()).to.equal(true);
        expect(error.hidden, 'the error goes once the value is fine').to.equal(true);
      });

      it('takes a custom message (a server’s verdict) until the next edit', async () => {
        const d = await c.defaultValue();
        const { el, form } = await mount(c, { name: 'f', value: d.attr });
        el.setCustomValidity('服务器说不行');
        await el.updateComplete;
        expect(el.validity.customError).to.equal(true);
        expect(form.checkValidity()).to.equal(false);
        expect(el.shadowRoot!.querySelector('[part=error-message]')!.textContent).to.contain('服务器说不行');
        await c.choose(el);
        await el.updateComplete;
        expect(el.validity.customError).to.equal(false);
      });

      it('goes back to its default value, without errors, when the form is reset', async () => {
        const d = await c.defaultValue();
        const { el, form } = await mount(c, { name: 'f', value: d.attr, required: true });
        await c.choose(el);
        el.setCustomValidity('x');
        await el.updateComplete;
        form.reset();
        await el.updateComplete;
        expect(new FormData(form).getAll('f')).to.deep.equal(d.entries);
        expect(el.validity.valid).to.equal(true);
        expect((el.shadowRoot!.querySelector('[part=error-message]') as HTMLElement).hidden).to.equal(true);

        const empty = await mount(c, { name: 'g' });
        await c.choose(empty.el);
        empty.form.reset();
        await empty.el.updateComplete;
        expect(new FormData(empty.form).getAll('g'), 'no default: empty again').to.deep.equal(c.empty);
      });

      it('takes back the state the browser restores (back/forward, autofill)', async () => {
        const r = await c.restore();
        const { el, form } = await mount(c, { name: 'f' });
        el.formStateRestoreCallback(r.state);
        await el.updateComplete;
        expect(new FormData(form).getAll('f')).to.deep.equal(r.entries);
      });

      it('when disabled, sends nothing, is not validated and cannot be used', async () => {
        const d = await c.defaultValue();
        const { el, form } = await mount(c, { name: 'f', value: d.attr, required: true, disabled: true });
        expect(new FormData(form).getAll('f')).to.deep.equal([]);
        expect(el.willValidate).to.equal(false);
        expect(form.checkValidity()).to.equal(true);
        const controls = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input, textarea')];
        expect(controls.length).to.be.greaterThan(0);
        expect(controls.every((i) => i.disabled || i.closest('fieldset')?.disabled)).to.equal(true);
        await expectAccessible(el);
      });

      it('is disabled by a disabled fieldset around it, and enabled again with it', async () => {
        const d = await c.defaultValue();
        const { el, form } = await mount(c, { name: 'f', value: d.attr }, (t) => html`<form><fieldset disabled>${t}</fieldset></form>`);
        await el.updateComplete;
        expect(new FormData(form).getAll('f')).to.deep.equal([]);
        expect(el.matches(':disabled')).to.equal(true);
        const fieldset = form.querySelector('fieldset')!;
        fieldset.disabled = false;
        await el.updateComplete;
        expect(new FormData(form).getAll('f')).to.deep.equal(d.entries);
        expect(el.shadowRoot!.querySelector<HTMLInputElement>('input:enabled, textarea:enabled')).to.exist;
      });

      it('belongs to its form: form, labels and named access work as for native controls', async () => {
        const host = await fixture<HTMLElement>(html`<form><label for="x">外部标签</label>${c.render({ name: 'f' })}</form>`);
        const el = host.querySelector(c.tag) as Field;
        el.id = 'x';
        expect(el.form).to.equal(host);
        expect((host as HTMLFormElement).elements.namedItem('f')).to.equal(el);
        expect(el.labels.length).to.equal(1);
      });
    });
  }
});

describe('<bm-number-field> steps', () => {
  const press = (el: HTMLElement, which: 'decrease' | 'increase') =>
    [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.getAttribute('aria-label')!.includes(which === 'decrease' ? '减少' : '增加'))!.click();

  it('never steps below 0 without a min, and a removed max is no bound', async () => {
    const el = await fixture<BmFormField>(html`<bm-number-field label="数量" max="12"></bm-number-field>`);
    press(el, 'decrease');
    await el.updateComplete;
    expect(el.value).to.equal('0');
    expect(el.validity.valid).to.equal(true);
    el.removeAttribute('max');
    await el.updateComplete;
    press(el, 'increase');
    press(el, 'increase');
    await el.updateComplete;
    expect(el.value, 'no max left: not capped at 0').to.equal('2');
    expect(el.validity.valid, 'and 2 is not over a max that is gone').to.equal(true);
  });
});

describe('<bm-radio-group> without a value', () => {
  it('is missing, not broken, when its value attribute is removed or set to null', async () => {
    const el = await fixture<BmFormField>(html`<bm-radio-group label="结算方式" required value="a" .options=${options}></bm-radio-group>`);
    expect(el.validity.valid).to.equal(true);
    el.removeAttribute('value');
    await el.updateComplete;
    expect(el.validity.valueMissing).to.equal(true);
    el.value = 'b';
    await el.updateComplete;
    expect(el.validity.valid).to.equal(true);
    (el as unknown as { value: string | null }).value = null;
    await el.updateComplete;
    expect(el.validity.valueMissing).to.equal(true);
  });
});

describe('<bm-text-field>', () => {
  it('takes only spaces as nothing typed: a required field is missing, in the resident’s language', async () => {
    const { el } = await mount(cases[0]!, { name: 'f', required: true, value: '   ' });
    expect(el.validity.valueMissing).to.equal(true);
    expect(el.validationMessage).to.contain('姓名');
  });
});

describe('<bm-slot-picker mode="times">', () => {
  it('takes a chosen time written another way as the offered one, keeps a later one off its grid, and takes back one that has passed', async () => {
    const picker = (value: string) => fixture<BmSlotPicker>(html`<bm-slot-picker mode="times" days="3" .now=${() => NOW} value=${value}></bm-slot-picker>`);
    const utc = await picker('2026-11-23T03:00:00Z'); // 11:00 in Shanghai
    expect(utc.value).to.equal('2026-11-23T11:00:00+08:00');
    expect(utc.shadowRoot!.querySelector<HTMLInputElement>('input[name=slot]:checked')!.value).to.equal('2026-11-23T11:00:00+08:00');
    const offGrid = await picker('2026-11-23T11:15:00+08:00');
    expect([offGrid.value, offGrid.validity.valid]).to.deep.equal(['2026-11-23T11:15:00+08:00', true]);
    const past = await picker('2026-11-23T09:00:00+08:00');
    expect([past.value, past.validationMessage]).to.deep.equal(['', '您选的时间已经过去了，请另选一个时间。']);
  });
});

describe('<bm-slot-picker> without a service or a provider', () => {
  it('says it needs a provider', async () => {
    const el = await fixture<BmSlotPicker>(html`<bm-slot-picker service-id="svc-tennis"></bm-slot-picker>`);
    expect(el.shadowRoot!.querySelector('[role=alert]')!.textContent).to.contain('<bm-provider>');
  });
});

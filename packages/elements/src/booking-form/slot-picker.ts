import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import {
  COMPOUND_TIME_ZONE,
  addDays,
  formatDate,
  formatInstant,
  formatTime,
  formatWeekday,
  localDate,
  toEpoch,
  toInstant,
  weekdayOf,
  type Availability,
  type AvailableSlot,
  type OpeningHours,
  type Slot,
} from '@bianmin/sdk';
import { DEFAULT_OPENING_HOURS, checkWantedAt, wantedTimes } from '@bianmin/sdk/rules';
import type { BianminClient } from '../base/context.js';
import { Resource } from '../controllers/resource.js';
import { BmFormField, type FieldProblem, type FormStateValue } from '../fields/form-field.js';
import { fieldStyles } from '../fields/fields.styles.js';
import { Localize } from '../i18n/localize.js';
import { baseStyles, tokens } from '../theme/tokens.js';
import { messages } from './slot-picker.i18n.js';
import { styles } from './slot-picker.styles.js';

/** `start/end`: a slot as one string (an ISO 8601 time interval), the picker's form value. */
export function slotValue(slot: Slot): string {
  return `${slot.start}/${slot.end}`;
}

/** The slot in a `start/end` value; undefined for anything else. */
export function parseSlotValue(value: string): Slot | undefined {
  const i = value.indexOf('/');
  if (i <= 0 || i === value.length - 1) return undefined;
  const start = value.slice(0, i);
  const end = value.slice(i + 1);
  return Number.isNaN(Date.parse(start)) || Number.isNaN(Date.parse(end)) ? undefined : { start, end };
}

type Args = readonly [BianminClient, string, number];
const MAX_DAYS = 31; // AvailabilityQuery.days

/** A whole number from `min` to `max`. */
const wholeIn = (n: number, min: number, max: number): boolean => Number.isInteger(n) && n >= min && n <= max;

/**
 * What the picker offers: the slots of a slot-booked service, from the server (`slots`), or the
 * times a service without slots can be wanted at, on a grid of its opening hours (`times`).
 */
export type SlotPickerMode = 'slots' | 'times';

/**
 * Our own day and time-slot picker (WeChat's `input[type=date]` is broken on both platforms). A row
 * of days from today (the compound's today, from the server's clock), each with its weekday and how
 * many slots are free, and the slots of the chosen day from the availability endpoint. Slots that
 * cannot be booked (`full`, `too-soon`, `closed`, `quota-reached`) are disabled with the reason in
 * words. Both rows are native radio groups: Tab enters a row, the arrow keys move and choose.
 *
 * With `mode="times"` it offers instead the times a service without slots can be wanted at: every
 * `step` minutes within its opening `hours` (set as a property; 08:00–20:00 by default), from now
 * on, on the compound's clock. It asks no server, so it needs no `service-id`. A picker that is not
 * `required` offers a button to take the choice back. With a `duration` (a job booked by the hour),
 * it offers only the times from which the job is done by closing, as the server checks; a chosen
 * time that the job no longer fits after the duration grows is taken back, and said so.
 *
 * A form-associated field: its value is the chosen slot as `start/end` (ISO instants with offset),
 * or in `times` mode the chosen time (one ISO instant); `required` makes an empty choice invalid,
 * anchored on the slot radios.
 *
 * @summary Chooses a day and a time slot of a bookable service.
 * @tagname bm-slot-picker
 * @csspart field - The wrapper.
 * @csspart label - The label of the picker.
 * @csspart required - The required mark.
 * @csspart days - The row of days.
 * @csspart day - One day.
 * @csspart slots - The slots of the chosen day.
 * @csspart slot - One slot; `data-state` says its state.
 * @csspart chosen - The line naming the chosen slot.
 * @csspart none-free - The note shown when no slot is free in the days shown.
 * @csspart hint - The time-zone note or the hint.
 * @csspart error-message - The error shown under the slots.
 * @csspart loading - The loading state.
 * @csspart error - The load error, with a retry button.
 * @csspart empty - No slots in the days shown.
 * @csspart retry-button - Retries a failed load.
 * @csspart clear-button - In `times` mode, when not `required`: takes the chosen time back.
 * @cssproperty --bm-slot-picker-slot-min-width - The narrowest a slot is in the grid.
 * @cssproperty --bm-slot-picker-chosen-color - Background of the chosen day and slot.
 * @cssstate loading - Slots are loading.
 * @cssstate invalid - An error is shown.
 * @cssstate disabled - The picker is disabled.
 * @event input - The chosen slot changed (native, composed).
 * @event change - The person chose a slot (re-dispatched, composed).
 */
export class BmSlotPicker extends BmFormField<string> {
  static override styles = [tokens, baseStyles, fieldStyles, styles];

  /** The initially chosen slot (`start/end`), restored by a form reset. */
  @property({ attribute: 'value' }) defaultValue = '';

  /** The service whose slots are shown. */
  @property({ attribute: 'service-id' }) serviceId?: string;

  /** How many days are shown, from today (1–31; default 7). */
  @property({ type: Number }) days = 7;

  /** `slots` (default): a slot-booked service's slots from the server; `times`: wanted times on a grid of `hours`. */
  @property({ reflect: true }) mode: SlotPickerMode = 'slots';

  /** In `times` mode: minutes between two times offered (a whole number, 5–240; default 30). */
  @property({ type: Number }) step = 30;

  /**
   * In `times` mode: how many minutes the job takes (a whole number, 0–1440; default 0): when the
   * service names its `hours`, only the times from which it is done by closing are offered.
   */
  @property({ type: Number }) duration = 0;

  /** In `times` mode: the service's opening hours (default 08:00–20:00 every day). */
  @property({ attribute: false }) hours?: readonly OpeningHours[];

  /** In `times` mode: the compound's clock; earlier times are not offered. A test or demo may pass a simulated one. */
  @property({ attribute: false }) now: () => Date | number = () => Date.now();

  /** The day whose slots are shown (`YYYY-MM-DD` in the compound's zone). */
  @state() private day?: string;

  private readonly msg = new Localize(this, messages);
  private reconciled?: Availability;
  /** In `times` mode: the times offered, made again at each update (the clock moves on). */
  private offered?: Availability;

  /** The slots, loaded through the provider's client (`slots` mode only). */
  readonly availability = new Resource<Availability, Args>(this, {
    task: ([client, serviceId, days], signal) => client.services.availability(serviceId, { days }, { signal }),
    args: () => (this.mode === 'slots' && this.bm && this.serviceId && this.validDays ? [this.bm.client, this.serviceId, this.days] : undefined),
  });

  private get validDays(): boolean {
    return wholeIn(this.days, 1, MAX_DAYS);
  }

  private get timesMode(): boolean {
    return this.mode === 'times';
  }

  /**
   * In `times` mode the compound's zone, whatever zone the page shows times in: the opening hours,
   * the days and the times offered are all on the compound's clock.
   */
  override get timeZone(): string {
    return this.timesMode ? (this.bm?.compound?.timeZone ?? COMPOUND_TIME_ZONE) : super.timeZone;
  }

  /** `times` mode: the wanted times from now on, as slots of no length (the compound's clock decides the grid). */
  private timesOffered(): Availability {
    const zone = this.timeZone;
    const now = this.now();
    const starts = wantedTimes({ hours: this.hours }, { now, days: this.days, stepMinutes: this.step, timeZone: zone, minutes: this.duration });
    return {
      serviceId: this.serviceId ?? '',
      generatedAt: formatInstant(now, zone),
      slots: starts.map((start) => ({ start, end: start, capacity: 1, remaining: 1, state: 'available' })),
    };
  }

  /** When the chosen slot or time starts, if one is chosen. */
  private get chosenStart(): string | undefined {
    return this.timesMode ? this.value || undefined : this.selectedSlot?.start;
  }

  /** The chosen slot, or undefined (always in `times` mode, whose value is one instant). */
  get selectedSlot(): Slot | undefined {
    return this.timesMode ? undefined : parseSlotValue(this.value);
  }

  /** Loads the slots again (after a booking failed because a slot was taken); a chosen slot that is no longer free is cleared. */
  async refresh(): Promise<void> {
    await this.availability.refresh();
    await this.updateComplete;
  }

  /** The chosen slot, else the first open one, else the chosen day, else any input. */
  protected validationAnchor(): HTMLInputElement | undefined {
    const root = this.renderRoot as ShadowRoot | undefined;
    if (!root) return undefined;
    return (
      root.querySelector<HTMLInputElement>('input[name=slot]:checked:enabled') ??
      root.querySelector<HTMLInputElement>('input[name=slot]:enabled') ??
      root.querySelector<HTMLInputElement>('input[name=day]:checked') ??
      root.querySelector<HTMLInputElement>('input:enabled') ??
      undefined
    );
  }

  protected formValue(): string | null {
    return this.value === '' ? null : this.value;
  }

  protected parseState(state: FormStateValue): string | undefined {
    if (state === null) return '';
    if (typeof state !== 'string') return undefined;
    return state === '' || (this.timesMode ? !Number.isNaN(Date.parse(state)) : parseSlotValue(state)) ? state : undefined;
  }

  protected valueProblem(): FieldProblem | undefined {
    return this.required && this.value === ''
      ? { flags: { valueMissing: true }, message: this.fieldText.t('choiceMissing', this.label || this.msg.t('label')) }
      : undefined;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const times = this.timesMode;
    this.offered = times && this.validDays && wholeIn(this.step, 5, 240) && wholeIn(this.duration, 0, 1440) ? this.timesOffered() : undefined;
    const data = times ? this.offered : this.availability.value;
    this.setCustomState('loading', !times && (this.availability.status === 'pending' || this.availability.status === 'idle'));
    if (data && data !== this.reconciled) {
      this.reconciled = data;
      // A chosen slot that is no longer free (taken meanwhile, too soon now) is no choice any more.
      const chosen = this.value;
      if (chosen && !times && !data.slots.some((s) => s.state === 'available' && slotValue(s) === chosen)) this.value = '';
      if (chosen && times) {
        // A time written another way (`…Z`) is the offered one; a time that has passed, or from which
        // the job (grown longer) is no longer done by closing, is taken back, and said so (a slot
        // taken is said by the form); a later one off the grid stays chosen.
        const t = Date.parse(chosen);
        const now = this.now();
        const same = data.slots.find((s) => Date.parse(s.start) === t);
        if (same) {
          if (same.start !== chosen) this.value = same.start;
        } else if (!(t >= toEpoch(now))) {
          this.value = '';
          if (!Number.isNaN(t)) this.setCustomValidity(this.msg.t('timePassed'));
        } else if (this.hours && checkWantedAt(this, chosen, now, this.timeZone).ok && !checkWantedAt(this, chosen, now, this.timeZone, this.duration).ok) {
          this.value = '';
          this.setCustomValidity(this.msg.t('endsAfterClose'));
        }
      }
      const days = this.dayList(data);
      if (!this.day || !days.includes(this.day)) {
        const start = this.chosenStart;
        const tz = this.timeZone;
        const firstFree = data.slots.find((s) => s.state === 'available');
        this.day = start && days.includes(localDate(start, tz)) ? localDate(start, tz) : firstFree ? localDate(firstFree.start, tz) : days[0];
      }
    }
  }

  /** The days shown: from the compound's today, by the server's clock (`generatedAt`). */
  private dayList(data: Availability): string[] {
    const first = localDate(data.generatedAt, this.timeZone);
    return Array.from({ length: this.days }, (_, i) => addDays(first, i));
  }

  /** "11月24日" / "11/24" of a local date. */
  private shortDate(date: string): string {
    return this.msg.t('dayShort', Number(date.slice(5, 7)), Number(date.slice(8))); // YYYY-MM-DD
  }

  /** A slot's times, "19:00–20:00"; in `times` mode the one time. */
  private range(slot: Slot): string {
    const locale = this.effectiveLocale;
    const start = formatTime(slot.start, locale, this.timeZone);
    return this.timesMode ? start : `${start}–${formatTime(slot.end, locale, this.timeZone)}`;
  }

  /** `times` mode: a day's opening, "08:00–18:00" (first open to last close), or "closed". */
  private openingOf(date: string): string {
    const ranges = (this.hours ?? DEFAULT_OPENING_HOURS).filter((h) => h.days.includes(weekdayOf(date)));
    if (!ranges.length) return this.msg.t('dayClosed');
    return `${ranges.map((h) => h.open).sort()[0]}–${ranges.map((h) => h.close).sort().pop()}`;
  }

  /** Takes the chosen time back (a picker that is not required). */
  private clear(): void {
    this.edited('');
    this.committed();
    void this.updateComplete.then(() => this.validationAnchor()?.focus());
  }

  private chooseDay(e: Event): void {
    e.stopPropagation(); // showing another day changes no value
    this.day = (e.target as HTMLInputElement).value;
  }

  private chooseSlot(e: Event): void {
    const input = e.target as HTMLInputElement;
    if (!input.checked) return;
    this.edited(input.value);
    this.committed();
  }

  protected override render(): unknown {
    if (this.mode !== 'slots' && this.mode !== 'times') return this.renderBad('mode', this.mode);
    if (!this.validDays) return this.renderBad('days', this.days);
    if (this.timesMode) {
      if (!wholeIn(this.step, 5, 240)) return this.renderBad('step', this.step);
      return this.offered ? this.renderPicker(this.offered) : this.renderBad('duration', this.duration);
    }
    if (!this.bm) return this.renderNoProvider();
    if (!this.serviceId) return this.renderBad('service-id', '');
    return this.renderResource(this.availability, (data) => this.renderPicker(data));
  }

  private renderBad(name: string, value: unknown): TemplateResult {
    return html`<div class="bm-state" data-kind="error" role="alert" part="error">${this.common.t('invalidAttribute', name, String(value))}</div>`;
  }

  private renderPicker(data: Availability): TemplateResult {
    const tz = this.timeZone;
    const locale = this.effectiveLocale;
    const byDay = new Map<string, AvailableSlot[]>();
    for (const s of data.slots) {
      const d = localDate(s.start, tz);
      const list = byDay.get(d);
      if (list) list.push(s);
      else byDay.set(d, [s]);
    }
    const days = this.dayList(data);
    const times = this.timesMode;
    // "周二" / "Tue" of a local date.
    const weekdayOfDay = (date: string): string => formatWeekday(toInstant(date, '12:00', tz), locale, tz);
    if (data.slots.length === 0) return html`${this.renderHeader()}${this.renderEmpty(this.msg.t('noSlots'))}`;
    const noneFree = !data.slots.some((s) => s.state === 'available');
    const day = this.day ?? days[0] ?? '';
    const slots = byDay.get(day) ?? [];
    const chosen = this.chosenStart;
    // Not required: the choice can be taken back, also once a chosen time has passed.
    const clearable = times && !this.required && (chosen || this.customMessage);
    return html`<div class="field" part="field">
      ${this.renderHeader()}
      <fieldset class="days" part="days" role="radiogroup" ?disabled=${this.isDisabled}>
        <legend>${this.msg.t('days')}</legend>
        <div class="day-row">
          ${days.map((d, i) => {
            const list = byDay.get(d) ?? [];
            const free = list.filter((s) => s.state === 'available').length;
            const status = times
              ? this.openingOf(d)
              : list.length === 0
                ? this.msg.t('dayClosed')
                : free === 0
                  ? this.msg.t('dayFull')
                  : this.msg.t('freeCount', free);
            const relative = i === 0 ? this.msg.t('today') : i === 1 ? this.msg.t('tomorrow') : '';
            const weekday = weekdayOfDay(d);
            return html`<label class="chip day" part="day" data-free=${free}>
              <input type="radio" name="day" .value=${d} .checked=${live(d === day)} @change=${this.chooseDay} @input=${(e: Event) => e.stopPropagation()} />
              <span class="sub">${relative ? html`${relative}<span class="visually-hidden"> ${weekday}</span>` : weekday}</span>
              <span class="time">${this.shortDate(d)}</span>
              <span class="sub">${status}</span>
            </label>`;
          })}
        </div>
      </fieldset>
      <fieldset
        class="slots"
        part="slots"
        role="radiogroup"
        aria-required=${ifDefined(this.required ? 'true' : undefined)}
        aria-invalid=${ifDefined(this.shownProblem ? 'true' : undefined)}
        aria-describedby=${ifDefined(this.describedBy())}
        ?disabled=${this.isDisabled}
      >
        <legend>${this.msg.t('slotsOf', `${weekdayOfDay(day)} ${this.shortDate(day)}`, times)}</legend>
        ${slots.length === 0
          ? html`<p class="note">${this.msg.t('dayNotOpen')}</p>`
          : html`<div class="grid">
              ${slots.map((s) => {
                const v = times ? s.start : slotValue(s); // the form value: `start/end`, or in `times` mode the start
                const open = s.state === 'available';
                return html`<label class="chip slot" part="slot" data-state=${s.state}>
                  <input type="radio" name="slot" .value=${v} .checked=${live(v === this.value)} ?disabled=${!open} @change=${this.chooseSlot} />
                  <span class="time">${this.range(s)}</span>
                  ${times ? nothing : html`<span class="sub">${open && s.capacity > 1 ? this.msg.t('left', s.remaining) : this.msg.t(s.state)}</span>`}
                </label>`;
              })}
            </div>`}
      </fieldset>
      ${noneFree ? html`<p class="note" part="none-free">${this.msg.t('noSlots')}</p>` : nothing}
      ${chosen || clearable
        ? html`<div class="chosen" part="chosen">
            ${chosen ? this.msg.t('chosen', `${formatDate(chosen, locale, tz)} ${this.range(this.selectedSlot ?? { start: chosen, end: chosen })}`) : nothing}
            ${clearable
              ? html`<button type="button" class="bm-button" part="clear-button" ?disabled=${this.isDisabled} @click=${this.clear}>${this.msg.t('clear')}</button>`
              : nothing}
          </div>`
        : nothing}
      ${this.renderHelp()}
    </div>`;
  }

  private renderHeader(): TemplateResult {
    return html`<div class="label" part="label" id="label">${this.renderLabelText(this.label || this.msg.t('label'))}</div>`;
  }

  /** The hint: the page's, else which clock the times are in. */
  protected override renderHelp(): TemplateResult {
    const p = this.shownProblem;
    return html`<div id="hint" part="hint" class="hint">${this.hint || this.msg.t('zoneNote', this.timeZone)}</div>
      <div id="error" part="error-message" class="error" ?hidden=${!p}>${p?.message ?? ''}</div>`;
  }

  protected override describedBy(): string | undefined {
    return ['hint', this.shownProblem ? 'error' : ''].filter(Boolean).join(' ');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bm-slot-picker': BmSlotPicker;
  }
}

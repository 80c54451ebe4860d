import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import {
  canCancel,
  formatDate,
  formatDateTime,
  formatInstant,
  formatMoney,
  formatPrice,
  formatTime,
  isAbortedError,
  isConflictError,
  isHttpError,
  isValidationError,
  newIdempotencyKey,
  quote,
  toEpoch,
  unitLabel,
  type Amenity,
  type Booking,
  type BookingInput,
  type Issue,
  type Me,
  type PriceList,
  type PriceUnit,
  type Quote,
  type QuoteInput,
  type ServiceItem,
  type Settlement,
} from '@bianmin/sdk';
import { COMPOUND_TIME_ZONE, needsWantedAt } from '@bianmin/sdk/rules';
import type { BianminClient } from '../base/context.js';
import { BmFormAssociated } from '../base/form-associated.js';
import { describeError } from '../base/errors.js';
import { keepWhole } from '../base/keep-whole.js';
import { Resource } from '../controllers/resource.js';
import type { ChoiceOption } from '../fields/choice-field.js';
import type { BmFormField } from '../fields/form-field.js';
import { Localize } from '../i18n/localize.js';
import { baseStyles, tokens } from '../theme/tokens.js';
import { messages } from './booking-form.i18n.js';
import { styles } from './booking-form.styles.js';
import { BmBookingCreatedEvent, BmBookingFailedEvent, BmBookingSubmitEvent, type BookingFailureKind } from './events.js';
import { parseSlotValue, type BmSlotPicker } from './slot-picker.js';

/**
 * A mainland mobile number: the SDK's `MobilePhone` schema (schema/common.ts, /^1[3-9]\d{9}$/), as a
 * `pattern` attribute (which always matches the whole value).
 */
export const MOBILE_PATTERN = '1[3-9]\\d{9}';

/** The names of the values in the form's FormData, in the order they are sent. */
export const BOOKING_FIELDS = ['slot', 'wantedAt', 'quantity', 'people', 'hours', 'amenities', 'building', 'room', 'name', 'phone', 'notes', 'settlement'] as const;
export type BookingFieldName = (typeof BOOKING_FIELDS)[number];

/** Which quantities a service asks for, from its price rule and whether it is a room or slot-booked. */
export interface FieldPlan {
  /** A count in the price rule's unit. */
  quantity?: PriceUnit;
  /** Number of people (per-person and per-person-hour prices, rooms), with the room's limit. */
  people?: { max?: number };
  /** Whole hours (per-hour prices without a slot: with a slot, the slot's length counts). */
  hours?: boolean;
  /** The room's services (tea, sound, projector; seed 003). */
  amenities?: readonly Amenity[];
}

/** The quantities a service's booking asks for (see `quote()` in the SDK for how each is priced). */
export function fieldPlan(item: ServiceItem): FieldPlan {
  const plan: FieldPlan = {};
  const slotted = item.slots !== undefined;
  if (item.room) {
    plan.people = { max: item.room.maxPeople };
    if (item.room.amenities.length) plan.amenities = item.room.amenities;
  }
  const rule = item.price;
  switch (rule.kind) {
    case 'fixed':
      // One booked slot is one time; without a slot the resident says how many times.
      if (!slotted) plan.quantity = 'time';
      break;
    case 'per-unit':
      if (rule.unit === 'person') plan.people ??= {};
      else if (rule.unit === 'person-hour') {
        plan.people ??= {};
        if (!slotted) plan.hours = true;
      } else if (rule.unit === 'hour') {
        if (!slotted) plan.hours = true;
      } else plan.quantity = rule.unit;
      break;
    case 'labour-materials':
      // Labour per hour: the resident estimates the hours; per time: one visit.
      if (rule.labourUnit === 'hour' && !slotted) plan.hours = true;
      break;
    case 'free':
    case 'quote':
      break;
  }
  return plan;
}

/** The settlements a household may choose (seed 001): owners per visit or monthly, tenants prepay. */
export function settlementsFor(occupancy: 'owner' | 'tenant' | undefined): Settlement[] {
  if (occupancy === 'tenant') return ['prepaid'];
  if (occupancy === 'owner') return ['per-visit', 'monthly'];
  return ['per-visit', 'monthly', 'prepaid'];
}

/** What the fields hold, read from the elements. */
interface Values {
  slot: string;
  /** The wanted time of a service without slots (an instant), or empty. */
  wantedAt: string;
  quantity: string;
  people: string;
  hours: string;
  amenities: string[];
  building: string;
  room: string;
  name: string;
  phone: string;
  notes: string;
  settlement: string;
}

/** One attempt of the resident's intent: its key is kept across retries of the same input. */
interface Attempt {
  key: string;
  input: BookingInput;
  fingerprint: string;
}

interface Failure {
  kind: BookingFailureKind;
  message: string;
  retry: boolean;
  requestId?: string;
}

type Phase = 'editing' | 'submitting' | 'done';
type FieldElement = BmFormField<string> | BmFormField<string[]>;

const whole = (s: string): number | undefined => (/^\d+$/.test(s) ? Number(s) : undefined);

/** The counts a booking may carry, each typed in the field of the same name. */
const COUNTS = ['quantity', 'people', 'hours'] as const;

/**
 * The booking form of a paid service (委托服务单, seed 001): the wanted time (our own day and slot
 * picker; for a service without slots, the same picker offering times within its opening hours on
 * the compound's clock, required when its price differs by period), the quantity in the price
 * rule's unit (people and hours, a room's people and services), the household, the contact, notes
 * and how to settle, with a live price from the SDK's `quote()`.
 * A quote-only service sends a request for a quote instead.
 *
 * Sending is retry-safe: one idempotency key per attempt of the resident's intent, kept across
 * retries of the same input and renewed after any edit. A slot taken meanwhile refreshes the slots
 * and keeps everything else; the server's field errors are shown next to the fields; a network
 * failure keeps everything and offers to send again with the same key.
 *
 * The form is itself form-associated: inside a host page's `<form>` its values are entries of that
 * form's FormData (`serviceId`, `slot`, `wantedAt`, `quantity`, `people`, `hours`, `amenities`,
 * `building`, `room`, `name`, `phone`, `notes`, `settlement`, those the service asks for), the host form's reset
 * resets it, and an incomplete booking makes the host form invalid.
 *
 * @summary Books a service: time slot, quantities, household, contact, settlement and a live price.
 * @tagname bm-booking-form
 * @csspart form - The form.
 * @csspart header - The service's name, price and notes.
 * @csspart title - The service's name.
 * @csspart price - The service's price as listed.
 * @csspart slot-picker - The `<bm-slot-picker>`.
 * @csspart field - Each field element (`bm-text-field`, `bm-number-field`, `bm-radio-group`, `bm-checkbox-group`).
 * @csspart quote - The price of this booking, line by line.
 * @csspart quote-line - One line of the price.
 * @csspart quote-total - The total.
 * @csspart status - The polite live region (progress, what to correct).
 * @csspart failure - Why the last attempt failed, with a retry button when sending again can help.
 * @csspart retry-button - Sends the same attempt again (same idempotency key).
 * @csspart submit - The submit button.
 * @csspart receipt - The receipt after a booking was created.
 * @csspart booking-number - The booking number on the receipt.
 * @csspart receipt-time - The booked time on the receipt.
 * @csspart receipt-price - The price on the receipt.
 * @csspart cancel-note - How and until when the booking can be cancelled.
 * @csspart new-booking - Starts another booking.
 * @csspart error - A readable error instead of the form (no service, wrong service-id, load failure).
 * @csspart loading - The loading state.
 * @cssproperty --bm-booking-form-gap - Space between the fields.
 * @cssproperty --bm-booking-form-background - Background of the form and the receipt.
 * @cssproperty --bm-booking-form-max-width - The widest the form grows.
 * @cssstate loading - The price list is loading.
 * @cssstate ready - The form can be filled in.
 * @cssstate submitting - A booking is being sent.
 * @cssstate invalid - Fields need attention.
 * @cssstate conflict - The chosen slot was taken meanwhile.
 * @cssstate failed - The last attempt failed.
 * @cssstate success - The booking was created; the receipt is shown.
 * @event bm-booking-submit - {BmBookingSubmitEvent} Before sending an attempt; cancelable; `detail.input`, and `detail.metadata` to add to.
 * @event bm-booking-created - {BmBookingCreatedEvent} The booking was created; `detail.booking`.
 * @event bm-booking-failed - {BmBookingFailedEvent} An attempt failed; `detail.error`, `detail.kind`, `detail.retryable`.
 */
export class BmBookingForm extends BmFormAssociated {
  static override styles = [tokens, baseStyles, styles];

  /** The service to book (an id of the price list in force). `<bm-service-menu for=…>` sets it. */
  @property({ attribute: 'service-id', reflect: true }) serviceId?: string;

  /** The form-control name in a host `<form>` (the values go in as their own entries, see above). */
  @property({ reflect: true }) name = '';

  /** Prefill: the building (else the signed-in resident's). */
  @property() building?: string;

  /** Prefill: the room (else the signed-in resident's). */
  @property() room?: string;

  /** Prefill: the contact's name (else the household's first contact). */
  @property({ attribute: 'contact-name' }) contactName?: string;

  /** Prefill: the contact's mobile number (else the household's first contact's). */
  @property() phone?: string;

  @property({ type: Boolean, reflect: true }) disabled = false;

  /** The compound's clock: wanted times before it are not offered. A test or demo may pass a simulated one. */
  @property({ attribute: false }) now: () => Date | number = () => Date.now();

  @state() private phase: Phase = 'editing';
  @state() private failure?: Failure;
  @state() private booking?: Booking;
  /** The polite announcement (progress, what to correct). */
  @state() private status = '';
  /** The field values last read, as JSON: a change re-renders the price. */
  @state() private snapshot = '';
  @state() private formDisabled = false;

  @query('form') private formEl?: HTMLFormElement;

  private readonly msg = new Localize(this, messages);
  private attempt?: Attempt;
  private busy?: boolean;
  private sending?: AbortController;
  private restoreState?: Partial<Values>;
  private syncQueued?: boolean;

  /** The price list in force, where the service is looked up. */
  readonly catalog = new Resource<PriceList, readonly [BianminClient]>(this, {
    task: ([client], signal) => client.catalog.current({ signal }),
    args: () => (this.bm ? [this.bm.client] : undefined),
  });

  /** Who is signed in, for prefill and the settlements allowed; a page without a token does without. */
  readonly me = new Resource<Me, readonly [BianminClient]>(this, {
    task: ([client], signal) => client.session.me({ signal }),
    args: () => (this.bm ? [this.bm.client] : undefined),
  });

  /** The service being booked, once the price list has loaded. */
  get item(): ServiceItem | undefined {
    const id = this.serviceId;
    return id ? this.catalog.value?.items.find((i) => i.id === id) : undefined;
  }

  /** The current values as FormData (the entries a host form gets). */
  get formData(): FormData {
    const data = new FormData();
    const item = this.item;
    if (!item) return data;
    data.append('serviceId', item.id);
    if (this.formEl) for (const [k, v] of new FormData(this.formEl)) data.append(k, v);
    return data;
  }

  override reportValidity(): boolean {
    this.formEl?.checkValidity(); // shows every field's error
    return super.reportValidity();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.sending?.abort();
  }

  /** Sends the booking (as the submit button does): validates, announces, sends or resends. */
  async submit(): Promise<void> {
    const item = this.item;
    const form = this.formEl;
    const client = this.bm?.client;
    if (!item || !form || !client || this.busy || this.isDisabled) return;
    // Taken at once: a double click or a second call while this one runs sends nothing more.
    this.busy = true;
    try {
      await this.attemptSubmit(item, form, client);
    } finally {
      this.busy = false;
    }
  }

  private async attemptSubmit(item: ServiceItem, form: HTMLFormElement, client: BianminClient): Promise<void> {
    this.field('wantedAt')?.requestUpdate(); // a wanted time that has passed meanwhile is taken back, and said so
    await this.fieldsSettled();
    if (!form.checkValidity()) {
      // Each invalid field got an `invalid` event and shows its error; say so and go to the first.
      const invalid = this.invalidFields();
      this.failure = undefined;
      this.announce(this.msg.t('checkFields', invalid.length));
      this.setCustomState('invalid', true);
      await this.updateComplete;
      invalid[0]?.focus();
      return;
    }
    this.setCustomState('invalid', false);
    const input = this.buildInput(item, this.readValues());
    const fingerprint = JSON.stringify(input);
    if (!this.attempt || this.attempt.fingerprint !== fingerprint) {
      // A new attempt of the resident's intent: announce it (the host may add metadata), then key it.
      const event = new BmBookingSubmitEvent(JSON.parse(fingerprint) as BookingInput);
      if (!this.emit(event)) return;
      const metadata = { ...event.detail.metadata };
      const sent: BookingInput = Object.keys(metadata).length ? { ...input, metadata } : input;
      this.attempt = { key: newIdempotencyKey(), input: sent, fingerprint };
    }
    await this.send(client, this.attempt);
  }

  /** Back to an empty booking of the same service (the prefill stays), as after "book another". */
  reset(): void {
    this.sending?.abort();
    this.formEl?.reset();
    this.attempt = undefined;
    this.booking = undefined;
    this.failure = undefined;
    this.phase = 'editing';
    this.status = '';
    for (const s of ['invalid', 'conflict', 'failed', 'success', 'submitting']) this.setCustomState(s, false);
    this.queueSync();
  }

  formResetCallback(): void {
    this.reset();
  }

  formDisabledCallback(disabled: boolean): void {
    this.formDisabled = disabled;
  }

  formStateRestoreCallback(state: string | File | FormData | null): void {
    if (typeof state !== 'string') return;
    try {
      this.restoreState = JSON.parse(state) as Partial<Values>;
    } catch {
      return;
    }
    this.requestUpdate();
  }

  private get isDisabled(): boolean {
    return this.disabled || this.formDisabled;
  }

  private async send(client: BianminClient, attempt: Attempt): Promise<void> {
    this.sending?.abort();
    const controller = new AbortController();
    const q = (s: string) => this.renderRoot.querySelector<HTMLElement>(s);
    this.sending = controller;
    this.phase = 'submitting';
    this.failure = undefined;
    this.announce(this.msg.t('submitting'));
    this.setCustomState('submitting', true);
    this.setCustomState('failed', false);
    this.setCustomState('conflict', false);
    try {
      const booking = await client.bookings.create(attempt.input, { idempotencyKey: attempt.key, signal: controller.signal });
      if (controller.signal.aborted) return;
      this.attempt = undefined;
      this.booking = booking;
      this.phase = 'done';
      this.announce('');
      this.setCustomState('success', true);
      this.emit(new BmBookingCreatedEvent(booking));
      await this.updateComplete;
      q('#receipt-title')?.focus();
    } catch (error) {
      if (controller.signal.aborted || isAbortedError(error)) {
        if (this.phase === 'submitting') this.phase = 'editing';
        return;
      }
      this.phase = 'editing';
      this.announce('');
      const failure = await this.handleFailure(error);
      this.failure = failure;
      this.setCustomState('failed', true);
      this.emit(new BmBookingFailedEvent({ error, kind: failure.kind, retryable: failure.retry }));
      await this.updateComplete;
      // Focus went with the submit button while it was disabled. Unless a field took it (a slot or a
      // field to fix), it goes where the resident acts next: the place to fix, "retry", or submit.
      const active = (this.renderRoot as ShadowRoot).activeElement;
      if (!active || active === q('[part=submit]')) {
        (failure.kind === 'forbidden' ? this.field('building') : (q('[part=retry-button]') ?? q('[part=submit]')))?.focus();
      }
    } finally {
      if (this.sending === controller) this.sending = undefined;
      this.setCustomState('submitting', false);
    }
  }

  /** Shows what went wrong where it belongs and says what the resident can do. */
  private async handleFailure(error: unknown): Promise<Failure> {
    const { key, requestId } = describeError(error);
    const fail = (kind: BookingFailureKind, message: string, retry = false): Failure =>
      requestId ? { kind, message, retry, requestId } : { kind, message, retry };
    const code = (error as { code?: unknown } | null)?.code;
    const http = isHttpError(error);
    if (isConflictError(error)) {
      if (code === 'slot_taken' || code === 'slot_unavailable' || code === 'quota_exceeded') {
        // The slot list refreshes, the rest is kept, and the resident is told to pick another time.
        const message = this.msg.t(code);
        this.setCustomState('conflict', true);
        const picker = this.field<BmSlotPicker>('slot');
        if (picker) {
          await picker.refresh();
          picker.setCustomValidity(message);
          picker.focus();
        }
        this.queueSync();
        return fail('slot', message);
      }
      return code === 'idempotency_in_flight' ? fail('server', this.msg.t('inFlight'), true) : fail('other', this.common.t('errorConflict'));
    }
    if (http && code === 'idempotency_mismatch') {
      // The key was spent on other content: the next attempt gets a new one.
      this.attempt = undefined;
      return fail('other', this.common.t('errorConflict'), true);
    }
    const issues: readonly Issue[] = isValidationError(error) || (http && error.issues.length) ? (error as { issues: readonly Issue[] }).issues : [];
    if (issues.length) {
      const unplaced = this.placeIssues(issues);
      const first = this.invalidFields()[0];
      await this.updateComplete;
      first?.focus();
      const message = unplaced.length ? `${this.msg.t('serverIssues')} ${unplaced.join('; ')}` : this.msg.t('serverIssues');
      return fail('invalid', message);
    }
    const status = http ? error.status : 0;
    if (status === 403) {
      const message = this.msg.t('otherHousehold');
      this.field('building')?.setCustomValidity(message);
      this.field('room')?.setCustomValidity(message);
      this.queueSync();
      return fail('forbidden', message);
    }
    if (status === 404) return fail('not-found', this.msg.t('serviceGone'));
    if (status === 401) return fail('unauthorized', this.common.t(key));
    const network = key === 'errorNetwork' || key === 'errorTimeout';
    return fail(network ? 'network' : 'server', `${this.common.t(key)} ${this.msg.t('kept')}`, true);
  }

  /** Puts the server's field issues on the fields they name; returns those that name none. */
  private placeIssues(issues: readonly Issue[]): string[] {
    const unplaced: string[] = [];
    for (const issue of issues) {
      const [a, b] = issue.path;
      const name =
        a === 'contact' ? (b === 'name' || b === 'phone' ? b : undefined)
        : a === 'household' ? (b === 'building' || b === 'room' ? b : 'building')
        : typeof a === 'string' && (BOOKING_FIELDS as readonly string[]).includes(a) ? a
        : undefined;
      const field = name ? this.field(name) : null;
      if (field && !field.isDisabled) field.setCustomValidity(name === 'phone' ? this.msg.t('phoneFormat') : this.msg.t('serverIssue', issue.message));
      else unplaced.push(issue.message);
    }
    this.queueSync();
    return unplaced;
  }

  private field<T extends FieldElement = FieldElement>(name: string): T | null {
    return this.renderRoot.querySelector<T & Element>(`form [name="${name}"]`);
  }

  private fields(): FieldElement[] {
    return this.formEl ? ([...this.formEl.elements].filter((e) => 'formResetCallback' in e) as unknown as FieldElement[]) : [];
  }

  private invalidFields(): FieldElement[] {
    return this.fields().filter((f) => f.willValidate && !f.validity.valid);
  }

  private async fieldsSettled(): Promise<void> {
    await Promise.all(this.fields().map((f) => f.updateComplete));
  }

  private readValues(): Values {
    const values: Partial<Record<BookingFieldName, string | string[]>> = {};
    for (const name of BOOKING_FIELDS) {
      const v = this.field(name)?.value;
      values[name] = name === 'amenities' ? [...(v ?? [])] : typeof v === 'string' ? v : '';
    }
    return values as Values;
  }

  /** What the price depends on, from the values. */
  private quoteInput(plan: FieldPlan, v: Values): QuoteInput {
    const q: QuoteInput = {};
    for (const k of COUNTS) {
      const n = plan[k] ? whole(v[k]) : undefined;
      if (n !== undefined) q[k] = n;
    }
    const slot = parseSlotValue(v.slot);
    const at = slot?.start ?? this.wantedInstant(v.wantedAt);
    if (at) q.at = at;
    return q;
  }

  /** The compound's time zone: wanted times are entered, checked and priced on its clock. */
  private get zone(): string {
    return this.bm?.compound?.timeZone ?? COMPOUND_TIME_ZONE;
  }

  /** The wanted time chosen, as an instant with the compound's offset; undefined if none or unreadable. */
  private wantedInstant(at: string): string | undefined {
    if (!at) return undefined;
    try {
      return formatInstant(toEpoch(at, this.zone), this.zone);
    } catch {
      return undefined;
    }
  }

  private buildInput(item: ServiceItem, v: Values): BookingInput {
    const plan = fieldPlan(item);
    const q = this.quoteInput(plan, v);
    const settlements = settlementsFor(this.me.value?.household?.occupancy);
    const input: BookingInput = {
      serviceId: item.id,
      household: { building: v.building.trim(), room: v.room.trim() },
      contact: { name: v.name.trim(), phone: v.phone.trim() },
      settlement: (settlements.includes(v.settlement as Settlement) ? v.settlement : settlements[0]) as Settlement,
    };
    const slot = item.slots ? parseSlotValue(v.slot) : undefined;
    if (slot) input.slot = slot;
    const wantedAt = item.slots ? undefined : this.wantedInstant(v.wantedAt);
    if (wantedAt) input.wantedAt = wantedAt;
    for (const k of COUNTS) if (q[k] !== undefined) input[k] = q[k];
    if (plan.amenities && v.amenities.length) input.amenities = v.amenities.filter((a): a is Amenity => plan.amenities!.includes(a as Amenity));
    const notes = v.notes.trim();
    if (notes) input.notes = notes;
    return input;
  }

  /** Says something in the polite live region; the same words again are cleared first so they are read again. */
  private announce(message: string): void {
    if (message && message === this.status) {
      this.status = '';
      void this.updateComplete.then(() => {
        this.status = message;
      });
    } else {
      this.status = message;
    }
  }

  /**
   * Something was edited (every edit sends `input`; `change` only commits what `input` announced):
   * a new intent (a new key on the next attempt), a new price, new form values.
   */
  private onEdit(): void {
    this.attempt = undefined;
    this.failure = undefined;
    this.setCustomState('invalid', false);
    this.queueSync();
  }

  private onSubmit(e: SubmitEvent): void {
    e.preventDefault();
    void this.submit();
  }

  /** Reads the fields after they have rendered, then updates the price and the host form's entries. */
  private async queueSync(): Promise<void> {
    if (this.syncQueued) return;
    this.syncQueued = true;
    await this.updateComplete;
    await this.fieldsSettled();
    this.syncQueued = false;
    const item = this.item;
    this.snapshot = item ? JSON.stringify(this.readValues()) : '';
    this.internals.setFormValue(this.formData, item ? this.snapshot : null);
    const invalid = item ? this.invalidFields()[0] : undefined;
    if (invalid) {
      const flags: ValidityStateFlags = {};
      const v = invalid.validity;
      // Each flag the field's ValidityState has on (`valid` is off: the field is invalid).
      for (const k in v) if (v[k as keyof ValidityState]) flags[k as keyof ValidityStateFlags] = true;
      this.internals.setValidity(flags, invalid.validationMessage, invalid);
    } else if (!item) {
      this.internals.setValidity({ valueMissing: true }, this.msg.t('incomplete'));
    } else {
      this.internals.setValidity({});
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('serviceId') && changed.get('serviceId') !== undefined) {
      // Another service: a new booking; what was typed about the household and contact stays.
      this.sending?.abort();
      this.attempt = undefined;
      this.booking = undefined;
      this.failure = undefined;
      this.phase = 'editing';
      this.status = '';
      for (const name of ['slot', 'wantedAt', 'quantity', 'people', 'hours', 'amenities']) this.field(name)?.formResetCallback();
    }
    const loading = this.catalog.status === 'pending' || this.catalog.status === 'idle';
    this.setCustomState('loading', loading && !this.catalog.value);
    this.setCustomState('ready', Boolean(this.item) && this.phase !== 'done');
    this.setCustomState('success', this.phase === 'done');
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // Values saved by the browser (back/forward) go back into the fields once they exist.
    const saved = this.restoreState;
    if (saved && this.formEl && this.item) {
      this.restoreState = undefined;
      for (const name of BOOKING_FIELDS) {
        const value = saved[name];
        const field = this.field(name);
        if (field && value !== undefined) (field as BmFormField<unknown>).value = value;
      }
    }
    // Read the fields again after each render, a new snapshot's too: a field may have changed its own
    // value on the way (the wanted-time picker takes back a time the job no longer fits). The same
    // values make the same snapshot, which renders nothing.
    this.queueSync();
  }

  protected override render(): unknown {
    if (!this.bm) return this.renderNoProvider();
    const id = this.serviceId;
    if (!id) return this.renderProblem(this.msg.t('missingServiceId'));
    return this.renderResource(this.catalog, () => {
      const item = this.item;
      if (!item) return this.renderProblem(`${this.msg.t('serviceNotFound', id)} ${this.common.t('invalidAttribute', 'service-id', id)}`);
      if (!item.bookingModes.includes('online')) {
        const phone = this.bm?.compound?.servicePhone ?? item.phone ?? '';
        return this.renderProblem(keepWhole(this.msg.t('notOnline', phone), phone));
      }
      return html`${this.phase === 'done' && this.booking ? this.renderReceipt(this.booking, item) : nothing}${this.renderForm(item)}`;
    });
  }

  private renderProblem(message: string | TemplateResult): TemplateResult {
    return html`<div class="bm-state" data-kind="error" role="alert" part="error">${message}</div>`;
  }

  private renderForm(item: ServiceItem): TemplateResult {
    const m = this.msg;
    const locale = this.effectiveLocale;
    const plan = fieldPlan(item);
    const me = this.me.value;
    const household = me?.household;
    const contact = household?.contacts[0];
    const settlements = settlementsFor(household?.occupancy);
    const values = this.snapshot ? (JSON.parse(this.snapshot) as Values) : undefined;
    const submitting = this.phase === 'submitting';
    const quoteOnly = item.price.kind === 'quote';
    const settlementLabel = (s: Settlement): ChoiceOption => ({ value: s, label: m.t(s), description: m.t(`${s}-hint`) });
    const minimum = item.price.kind === 'per-unit' ? (item.price.minQuantity ?? 1) : 1;
    const days = item.slots ? Math.min(14, Math.max(7, item.slots.horizonDays)) : 7;
    return html`<form
      part="form"
      novalidate
      aria-labelledby="title"
      aria-busy=${submitting}
      ?hidden=${this.phase === 'done'}
      @submit=${this.onSubmit}
      @input=${this.onEdit}
      @change=${this.queueSync}
    >
      <div class="header" part="header">
        <h2 id="title" part="title">${this.msg.text(item.name)}</h2>
        <p class="price" part="price">${formatPrice(item.price, locale)}</p>
        ${item.priceNote ? html`<p class="muted">${this.msg.text(item.priceNote)}</p>` : nothing}
        ${quoteOnly ? html`<p class="muted">${m.t('quoteOnlyNote')}</p>` : nothing}
      </div>
      <fieldset ?disabled=${this.isDisabled}>
        ${item.slots
          ? html`<bm-slot-picker part="slot-picker" name="slot" required service-id=${item.id} days=${days} label=${m.t('time')}></bm-slot-picker>`
          : this.renderWanted(item, plan.hours ? (values ? (whole(values.hours) ?? 0) : Math.min(24, minimum)) : 0)}
        ${plan.quantity
          ? html`<bm-number-field part="field" name="quantity" required min="1" max="10000" value=${minimum} label=${m.t('quantity')} unit=${unitLabel(plan.quantity, locale)}></bm-number-field>`
          : nothing}
        ${plan.people
          ? html`<bm-number-field
              part="field"
              name="people"
              required
              min="1"
              max=${plan.people.max ?? 1000}
              value=${item.price.kind === 'per-unit' && item.price.unit === 'person' ? minimum : 1}
              label=${m.t('people')}
              unit=${m.t('peopleUnit')}
              hint=${plan.people.max !== undefined ? m.t('peopleMax', plan.people.max) : ''}
            ></bm-number-field>`
          : nothing}
        ${plan.hours
          ? html`<bm-number-field part="field" name="hours" required min="1" max="24" value=${Math.min(24, minimum)} label=${m.t('hours')} unit=${m.t('hoursUnit')}></bm-number-field>`
          : nothing}
        ${plan.amenities
          ? html`<bm-checkbox-group
              part="field"
              name="amenities"
              label=${m.t('amenities')}
              .options=${plan.amenities.map((a) => ({ value: a, label: m.t(a) }))}
            ></bm-checkbox-group>`
          : nothing}
        <fieldset class="group">
          <legend>${m.t('household')}</legend>
          <div class="pair">
            <bm-text-field part="field" name="building" required maxlength="20" autocomplete="off" label=${m.t('building')} value=${this.building ?? household?.address.building}></bm-text-field>
            <bm-text-field part="field" name="room" required maxlength="20" autocomplete="off" label=${m.t('room')} value=${this.room ?? household?.address.room}></bm-text-field>
          </div>
        </fieldset>
        <fieldset class="group">
          <legend>${m.t('contact')}</legend>
          <div class="pair">
            <bm-text-field part="field" name="name" required maxlength="40" autocomplete="name" label=${m.t('contactName')} value=${this.contactName ?? contact?.name}></bm-text-field>
            <bm-text-field
              part="field"
              name="phone"
              type="tel"
              inputmode="tel"
              autocomplete="tel"
              required
              pattern=${MOBILE_PATTERN}
              pattern-message=${m.t('phoneFormat')}
              label=${m.t('phone')}
              value=${this.phone ?? contact?.phone}
            ></bm-text-field>
          </div>
        </fieldset>
        <bm-text-field part="field" name="notes" multiline maxlength="1000" label=${m.t('notes')}></bm-text-field>
        ${item.price.kind === 'free'
          ? html`<input type="hidden" name="settlement" value=${settlements[0] ?? 'per-visit'} />`
          : html`<bm-radio-group
              part="field"
              name="settlement"
              required
              label=${m.t('settlement')}
              value=${settlements[0] ?? 'per-visit'}
              hint=${household?.occupancy === 'tenant' ? m.t('tenantPrepaid') : ''}
              .options=${settlements.map(settlementLabel)}
            ></bm-radio-group>`}
      </fieldset>
      ${this.renderQuote(item, plan, values)}
      <div class="visually-hidden" role="status" part="status">${this.status}</div>
      ${this.failure ? this.renderFailure(this.failure) : nothing}
      <div class="actions">
        <button type="submit" class="bm-button" data-variant="primary" part="submit" ?disabled=${submitting || this.isDisabled}>
          ${submitting ? html`<span class="bm-spinner" aria-hidden="true"></span>${m.t('submitting')}` : quoteOnly ? m.t('requestQuote') : m.t('submit')}
        </button>
      </div>
    </form>`;
  }

  /**
   * The wanted time of a service without slots: our own day and time picker in `times` mode, every
   * half hour of its opening hours from now on (the compound's clock); required when the price
   * depends on it.
   */
  /**
   * The wanted time of a service without slots. A job booked by the hour must be done by closing (as
   * the server checks): the picker offers the times the `hours` now typed fit (the field's first
   * value before any is read; 0 while unreadable).
   */
  private renderWanted(item: ServiceItem, hours: number): TemplateResult {
    const m = this.msg;
    const required = needsWantedAt(item);
    return html`<p class="note">${m.t('noSlotNote')}</p>
      <bm-slot-picker
        part="slot-picker"
        name="wantedAt"
        mode="times"
        step="30"
        days="14"
        ?required=${required}
        label=${m.t('wantedAt')}
        hint=${m.t(required ? 'wantedPeakHint' : 'wantedHint', m.t('beijingTime', this.zone))}
        duration=${Math.min(hours, 24) * 60}
        .hours=${item.hours}
        .now=${this.now}
      ></bm-slot-picker>`;
  }

  /** The price for the values typed, from the SDK's `quote()`, line by line. */
  private renderQuote(item: ServiceItem, plan: FieldPlan, values: Values | undefined): TemplateResult {
    let q: Quote | undefined;
    try {
      // Peak and off-peak follow the compound's clock, as the server prices them; `time-zone` is for display only.
      q = quote(item, values ? this.quoteInput(plan, values) : {}, this.bm?.compound?.timeZone);
    } catch {
      q = undefined; // quantities beyond what can be priced: the field shows its range error
    }
    const locale = this.effectiveLocale;
    const rule = item.price;
    const unit: PriceUnit | undefined =
      rule.kind === 'fixed' ? 'time' : rule.kind === 'per-unit' ? rule.unit : rule.kind === 'labour-materials' ? rule.labourUnit : undefined;
    return html`<section class="quote" part="quote" aria-labelledby="quote-title">
      <h3 id="quote-title">${this.msg.t('quoteTitle')}</h3>
      ${q?.lines.length
        ? html`<ul>
            ${q.lines.map(
              (l) => html`<li part="quote-line" data-code=${l.code}>
                <span
                  >${this.msg.text(l.label)}
                  <span class="muted"
                    >${unit ? this.msg.t('perUnit', formatMoney(l.unitAmount, locale), unitLabel(unit, locale)) : formatMoney(l.unitAmount, locale)}
                    ${this.msg.t('times', l.quantity)}</span
                  ></span
                >
                <span>${formatMoney(l.amount, locale)}</span>
              </li>`,
            )}
          </ul>`
        : nothing}
      <p class="total" aria-live="polite">
        <span>${this.msg.t('total')}</span>
        <strong part="quote-total">${q ? this.priceText(q) : '—'}</strong>
      </p>
      ${q?.basis === 'from' ? html`<p class="note">${this.msg.t('fromNote')}</p>` : nothing}
    </section>`;
  }

  /** A quote's total in words: free, a price, a "from" price, or quoted on inspection. */
  private priceText(q: Quote): string {
    const locale = this.effectiveLocale;
    switch (q.basis) {
      case 'free':
        return this.msg.t('free');
      case 'on-inspection':
        return q.total > 0 ? this.msg.t('fromPrice', formatMoney(q.total, locale)) : this.msg.t('onInspection');
      case 'from':
        return this.msg.t('fromPrice', formatMoney(q.total, locale));
      case 'exact':
        return formatMoney(q.total, locale);
    }
  }

  private renderFailure(f: Failure): TemplateResult {
    return html`<div class="failure" role="alert" part="failure">
      <strong>${f.message}</strong>
      ${f.requestId ? html`<span class="detail">${this.common.t('requestId', f.requestId)}</span>` : nothing}
      ${f.retry
        ? html`<button type="button" class="bm-button" part="retry-button" @click=${this.submit}>${this.msg.t('retry')}</button>`
        : nothing}
    </div>`;
  }

  private renderReceipt(b: Booking, item: ServiceItem): TemplateResult {
    const m = this.msg;
    const locale = this.effectiveLocale;
    const tz = this.timeZone;
    const phone = this.bm?.compound?.servicePhone ?? item.phone ?? '';
    const quoteRequested = b.status === 'quote-requested';
    const explanation = quoteRequested ? m.t('statusQuote') : b.status === 'confirmed' ? m.t('statusConfirmed') : m.t('statusRequested');
    // As of the moment the server created it (its clock, not the device's): the receipt describes the new booking.
    const check = canCancel(b, item.slots, b.createdAt, tz);
    const until = b.cancellableUntil;
    const cancelNote = keepWhole(
      !check.ok ? m.t('cancelClosed', phone) : until ? m.t('cancelUntil', formatDateTime(until, locale, tz), phone) : m.t('cancelAnytime', phone),
      phone,
    );
    // The booked slot's start, or the wanted time of a service without slots.
    const start = b.slot?.start ?? b.wantedAt;
    return html`<section class="receipt" part="receipt" aria-labelledby="receipt-title">
      <h2 id="receipt-title" tabindex="-1">${quoteRequested ? m.t('quoteRequested') : m.t('booked')}</h2>
      <p>${explanation}</p>
      <dl>
        <div><dt>${m.t('number')}</dt><dd part="booking-number">${b.number}</dd></div>
        <div><dt>${m.t('service')}</dt><dd>${m.text(b.serviceName)}</dd></div>
        ${start
          ? html`<div>
              <dt>${m.t(b.slot ? 'when' : 'wantedAt')}</dt>
              <dd part="receipt-time">
                ${formatDate(start, locale, tz)}
                <span class="bm-nowrap">${formatTime(start, locale, tz)}${b.slot ? `–${formatTime(b.slot.end, locale, tz)}` : ''}</span>
                (${m.t('beijingTime', tz)})
              </dd>
            </div>`
          : nothing}
        <div><dt>${m.t('price')}</dt><dd part="receipt-price">${this.priceText(b.quote)}</dd></div>
        <div><dt>${m.t('settlement')}</dt><dd>${m.t(b.settlement)}</dd></div>
      </dl>
      <p part="cancel-note">${cancelNote}</p>
      <div class="actions">
        <button type="button" class="bm-button" part="new-booking" @click=${this.bookAnother}>${m.t('bookAnother')}</button>
      </div>
    </section>`;
  }

  private async bookAnother(): Promise<void> {
    this.reset();
    await this.updateComplete;
    const picker = this.field<BmSlotPicker>('slot');
    await picker?.refresh();
    (this.fields()[0] ?? this.formEl)?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bm-booking-form': BmBookingForm;
  }
}

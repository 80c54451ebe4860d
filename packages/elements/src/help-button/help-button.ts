import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { DISASTER_SUBKINDS, formatDateTime, formatInstant, HELP_KINDS, helpClock, HelpRequestInput, isEmergency, MEDICAL_WANTS, newIdempotencyKey, PUBLIC_NUMBERS, SECURITY_SUBKINDS, telHref, type HelpKind, type HelpRequest } from '@bianmin/sdk';
import type { OutboxChange, OutboxError } from '@bianmin/sdk/outbox';
import { isPermanentFailure, isStorageAvailable, isStorageUnavailableError, outboxError, type OutboxEntry, type OutboxStorage } from '@bianmin/sdk/outbox';
import type { BianminClient } from '../base/context.js';
import { BmElement } from '../base/element.js';
import { describeError } from '../base/errors.js';
import { keepWhole } from '../base/keep-whole.js';
import { Localize } from '../i18n/localize.js';
import { baseStyles, tokens } from '../theme/tokens.js';
import { BmHelpAcknowledgedEvent, BmHelpDeliveredEvent, BmHelpFailedEvent, BmHelpQueuedEvent } from './events.js';
import { messages, type HelpButtonMessages } from './help-button.i18n.js';
import { styles } from './help-button.styles.js';
import { acquireHelpOutbox, releaseHelpOutbox, type HelpReceipt } from './outbox.js';

export const HELP_BUTTON_POSITIONS = ['bottom-right', 'bottom-left', 'top-right', 'top-left'] as const;
export type HelpButtonPosition = (typeof HELP_BUTTON_POSITIONS)[number];

/** A mainland mobile number, the SDK's `MobilePhone` (/^1[3-9]\d{9}$/), as a `pattern` attribute. */
const MOBILE_PATTERN = '1[3-9]\\d{9}';

/** Which public number an emergency needs first (seed 003: 120 ambulance, 110 police, 119 fire, 122 traffic). */
const FIRST_NUMBER: Partial<Record<HelpKind, string>> = { medical: 'ambulance', security: 'police', disaster: 'fire' };

/** An outbox entry, or a request sent directly because nothing could store it (`direct`; `rejected` when refused). */
type Entry = OutboxEntry<HelpRequestInput, HelpReceipt> & { direct?: boolean; rejected?: boolean };
type Values = { building: string; floor: string; room: string; phone: string; description: string; sub: string };

/**
 * What a kind asks besides where and what happened: the request's field (also its radios' name),
 * the options, their legend, and the prefix of each option's string.
 */
const CHOICES: Partial<Record<HelpKind, readonly ['wanted' | 'subKind' | 'mode', readonly string[], 'wantedLegend' | `subKindLegend_${'security' | 'disaster'}` | 'modeLegend', string]>> = {
  medical: ['wanted', MEDICAL_WANTS, 'wantedLegend', 'wanted_'],
  security: ['subKind', SECURITY_SUBKINDS, 'subKindLegend_security', 'sub_'],
  disaster: ['subKind', DISASTER_SUBKINDS, 'subKindLegend_disaster', 'sub_'],
  consultation: ['mode', ['oral', 'written'], 'modeLegend', 'mode_'],
};

/** The longest `poll-interval`, in seconds (a day). */
const MAX_POLL_SECONDS = 86_400;
const FOCUSABLE = 'a[href],button:not([disabled]),input:not([disabled]),select:not([disabled]),textarea:not([disabled]),[tabindex]:not([tabindex="-1"])';

/** Whole minutes (may exceed 59) and two-digit seconds of a duration. */
const minutesSeconds = (ms: number): [number, string] => {
  const s = Math.floor(Math.abs(ms) / 1000);
  return [Math.floor(s / 60), String(s % 60).padStart(2, '0')];
};

/**
 * The resident's help button (住户求助, seed 003): a floating (or inline) button opening a dialog
 * with the seven kinds of help, emergencies first with one-tap calls to 120, 110, 119, 122 and the
 * compound's 24-hour phone; a short form (where, mobile number, what happened, and what the kind
 * needs); then the request's progress: delivered, taken up, the 5-minute reply countdown, the reply
 * or the referral.
 *
 * Nothing typed is lost: a request goes into the SDK's outbox (IndexedDB, else localStorage) and is
 * shown as queued only once stored; it is sent with one idempotency key until the server answers,
 * across offline spells, errors and reloads, and shown as delivered only on the server's 2xx. A
 * refusal (4xx) stays visible as not delivered, with why. Where nothing can be stored, the phone
 * numbers are shown at once and the request is still sent directly.
 *
 * @summary Floating help button: emergency calls, a help request that survives the network, and its progress.
 * @tagname bm-help-button
 * @slot - The button's label (default "求助" / "Help").
 * @csspart trigger - The button that opens the dialog.
 * @csspart dialog - The modal `<dialog>`.
 * @csspart header - The dialog's title and close button.
 * @csspart close-button - Closes the dialog.
 * @csspart form - The request form.
 * @csspart kinds - The kinds of help (emergencies first).
 * @csspart kind - One kind (a radio button and its label).
 * @csspart choices - The options a kind needs (what is wanted, what happened, how to answer).
 * @csspart calls - A list of one-tap `tel:` links.
 * @csspart call - One `tel:` link.
 * @csspart field - Each text field's label and input.
 * @csspart problem - What to correct before sending.
 * @csspart submit - Sends the request.
 * @csspart requests - The resident's requests and where each stands.
 * @csspart entry - One request.
 * @csspart entry-state - Queued, sending, delivered or not delivered.
 * @csspart number - The request's register number.
 * @csspart request-status - The office's status of a delivered request.
 * @csspart countdown - Time left until the reply is due (role="timer").
 * @csspart reply - The office's reply.
 * @csspart referral - Whom the office refers the resident to, with a `tel:` link.
 * @csspart failure - Why a request was not delivered.
 * @csspart new-request - Opens the form again.
 * @csspart status - The polite live regions announcing progress: in the dialog while it is open, beside the button while it is closed.
 * @csspart error - A readable error instead of the button (a wrong attribute, no provider).
 * @cssproperty --bm-help-button-offset - Distance of the floating button from the viewport's edges (plus the safe-area inset).
 * @cssproperty --bm-help-button-z-index - Stacking order of the floating button (default 1000).
 * @cssproperty --bm-help-button-background - Background of the button (default the danger colour).
 * @cssproperty --bm-help-button-color - Text colour of the button.
 * @cssproperty --bm-help-button-dialog-width - The dialog's width (default min(36rem, 100vw - 2rem)).
 * @cssstate open - The dialog is open.
 * @cssstate queued - A request is stored and waiting to be sent (or being sent).
 * @cssstate delivered - A request has reached the office.
 * @cssstate failed - A request was not delivered.
 * @cssstate storage-unavailable - This device cannot store requests; calls are shown first.
 * @event bm-help-queued - {BmHelpQueuedEvent} The request is stored; `detail.entryId`, `detail.kind`.
 * @event bm-help-delivered - {BmHelpDeliveredEvent} The server has the request; `detail.entryId`, `detail.request`.
 * @event bm-help-acknowledged - {BmHelpAcknowledgedEvent} The desk took the request up; `detail.entryId`, `detail.request`.
 * @event bm-help-failed - {BmHelpFailedEvent} The request will not be delivered as it is; `detail.entryId`, `detail.reason` (`rejected` | `not-sent`), `detail.error`.
 */
export class BmHelpButton extends BmElement {
  static override styles = [tokens, baseStyles, styles];

  /** Where the floating button sits: `bottom-right` (default), `bottom-left`, `top-right`, `top-left`. */
  @property({ reflect: true }) position: string = 'bottom-right';
  /** In the page's flow instead of floating. */
  @property({ type: Boolean, reflect: true }) inline = false;
  /** Whether the dialog is open (`show()` / `hide()`). */
  @property({ type: Boolean, reflect: true }) open = false;
  /** Prefills the building (else the signed-in household's, from `client.session.me()`). */
  @property() building?: string;
  /** Prefills the room (else the signed-in household's). */
  @property() room?: string;
  /**
   * A device many people use (a tablet at the lobby's reception): each request starts from an
   * empty form (only `building` and `room` stay), nothing is prefilled from a signed-in household,
   * and the dialog shows only the requests sent since it was last opened. Earlier ones are still
   * delivered.
   */
  @property({ type: Boolean, reflect: true }) shared = false;
  /** The outbox's storage name: one outbox per provider client and name on a page. */
  @property({ attribute: 'outbox-name' }) outboxName = 'help';
  /** Seconds between progress checks (`client.help.get`) while the dialog is open: more than 0, at most 86400. */
  @property({ attribute: 'poll-interval', type: Number }) pollInterval = 15;
  /** Where the outbox keeps requests (default IndexedDB, else localStorage); used by the first button of an outbox. */
  @property({ attribute: false }) storage?: OutboxStorage;
  /** The clock (epoch ms), for the countdown. */
  @property({ attribute: false }) now: () => number = () => Date.now();

  @state() private view: 'form' | 'status' = 'form';
  @state() private kind?: HelpKind;
  @state() private values: Values = { building: '', floor: '', room: '', phone: '', description: '', sub: '' };
  @state() private storageUnavailable = false;
  @state() private saving = false;
  @state() private problem = '';
  @state() private announcement = '';

  @query('dialog') private dialog?: HTMLDialogElement;
  @query('[part~=trigger]') private trigger?: HTMLButtonElement;

  private readonly msg = new Localize(this, messages);
  /** Entries of the outbox and requests sent directly (storage unavailable), by id. */
  private readonly entries = new Map<string, Entry>();
  /** The server's view of delivered requests, by entry id. */
  private readonly requests = new Map<string, HelpRequest>();
  /** Why the last look-up of a delivered request's progress failed (offline, server down), by entry. */
  private readonly statusErrors = new Map<string, ReturnType<typeof describeError>['key']>();
  private readonly inputs = new Map<string, HelpRequestInput>();
  private readonly acknowledged = new Set<string>();
  private attached?: { client: BianminClient; name: string; unsubscribe: () => void; outbox: ReturnType<typeof acquireHelpOutbox>['outbox'] };
  private clockTimer?: ReturnType<typeof setInterval>;
  private pollTimer?: ReturnType<typeof setTimeout>;
  private pollAbort?: AbortController;
  /** When the dialog was last opened (epoch ms): with `shared`, older requests are not shown. */
  private openedAt = 0;

  /** Opens the dialog. */
  show(): void {
    this.open = true;
  }

  /** Closes the dialog; focus goes back to the button. */
  hide(): void {
    this.open = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.detach();
    this.stopTimers();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('building') && this.building != null) this.values = { ...this.values, building: this.building };
    if (changed.has('room') && this.room != null) this.values = { ...this.values, room: this.room };
    const client = this.bm?.client;
    if (client && this.isConnected && (client !== this.attached?.client || this.outboxName !== this.attached.name)) {
      this.detach();
      this.attach(client);
    }
    if (changed.has('open') && this.open) {
      if (this.shared) {
        this.openedAt = Date.now();
        this.kind = undefined;
        this.values = { building: this.building ?? '', floor: '', room: this.room ?? '', phone: '', description: '', sub: '' };
      }
      this.view = this.list().length > 0 ? 'status' : 'form';
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    const d = this.dialog;
    if (changed.has('open') && d) {
      if (this.open && !d.open) {
        d.showModal();
        void this.poll();
      } else if (!this.open && d.open) {
        d.close();
      }
    }
    if (!this.open) this.stopTimers();
    this.syncClock();
    const list = this.list();
    this.setCustomState('open', this.open);
    this.setCustomState('queued', list.some((e) => e.state === 'queued' || e.state === 'sending'));
    this.setCustomState('delivered', list.some((e) => e.state === 'delivered'));
    this.setCustomState('failed', list.some((e) => e.state === 'failed'));
    this.setCustomState('storage-unavailable', this.storageUnavailable);
  }

  // ---- the outbox ------------------------------------------------------------------------------

  private attach(client: BianminClient): void {
    const name = this.outboxName;
    const held = acquireHelpOutbox(client, name, this.storage);
    const unsubscribe = held.outbox.subscribe((c) => this.onChange(c));
    const attached = { client, name, unsubscribe, outbox: held.outbox };
    this.attached = attached;
    void held.outbox.list().then((list) => {
      if (this.attached !== attached) return;
      for (const e of list) if (!this.entries.has(e.id)) this.entries.set(e.id, e);
      // Opened before the stored requests were read: show them unless the resident has started a new one
      // (on a shared device, only the requests of the person at it now).
      if (this.open && this.view === 'form' && !this.kind && this.list().length > 0) this.view = 'status';
      this.requestUpdate();
      if (this.open) void this.poll();
    });
    void isStorageAvailable(held.storage).then((ok) => {
      if (!ok && this.attached === attached) this.storageUnavailable = true;
    });
    void this.prefill(client);
  }

  private detach(): void {
    const a = this.attached;
    if (!a) return;
    this.attached = undefined;
    a.unsubscribe();
    releaseHelpOutbox(a.client, a.name);
    for (const [id, e] of this.entries) if (!e.direct) this.entries.delete(id);
  }

  /** Building, room and phone of the signed-in household, for the fields still empty. */
  private async prefill(client: BianminClient): Promise<void> {
    if (this.shared) return;
    try {
      const me = await client.session.me();
      const h = me.household;
      if (!h) return;
      const v = this.values;
      this.values = {
        ...v,
        building: v.building || (this.building ?? h.address.building),
        room: v.room || (this.room ?? h.address.room),
        phone: v.phone || (h.contacts[0]?.phone ?? ''),
      };
    } catch {
      // No token, a staff token or no network: the resident types them.
    }
  }

  private onChange({ entry, result }: OutboxChange<HelpRequestInput, HelpRequest, HelpReceipt>): void {
    const before = this.entries.get(entry.id);
    this.entries.set(entry.id, entry);
    if (result) this.delivered(entry.id, result);
    // The server has it, but its answer could not be read (outbox: a 2xx of the wrong shape).
    else if (entry.state === 'delivered' && before?.state !== 'delivered') this.announce(this.msg.t('state_delivered'));
    else if (entry.state === 'failed' && before?.state !== 'failed') this.failed(entry, 'rejected');
    else if (entry.state === 'queued' && !before) this.announce(this.msg.t('state_queued'));
    this.requestUpdate();
  }

  private delivered(entryId: string, request: HelpRequest): void {
    this.requests.set(entryId, request);
    this.announce(`${this.msg.t('state_delivered')} · ${this.msg.t('number', request.number)}`);
    this.emit(new BmHelpDeliveredEvent({ entryId, request }));
    this.checkAcknowledged(entryId, request);
    if (this.open && this.pollTimer === undefined) this.schedulePoll();
  }

  /** Announces the desk taking a request up, once; `quiet` records it without telling (old news after a reload). */
  private checkAcknowledged(entryId: string, request: HelpRequest, quiet = false): void {
    if (!request.acknowledgedAt || this.acknowledged.has(entryId)) return;
    this.acknowledged.add(entryId);
    if (quiet) return;
    this.announce(this.msg.t('status_acknowledged'));
    this.emit(new BmHelpAcknowledgedEvent({ entryId, request }));
  }

  private failed(entry: Entry, reason: 'rejected' | 'not-sent'): void {
    this.announce(this.msg.t(entry.direct && reason === 'not-sent' ? 'state_direct_failed' : 'state_failed'));
    this.emit(new BmHelpFailedEvent({ entryId: entry.id, reason, error: entry.lastError ?? { name: 'Error', message: '' } }));
  }

  private announce(text: string): void {
    this.announcement = text;
  }

  /** Every request shown, newest first. */
  private list(): Entry[] {
    return [...this.entries.values()].filter((e) => !this.shared || e.createdAt >= this.openedAt).sort((a, b) => b.createdAt - a.createdAt);
  }

  // ---- sending ---------------------------------------------------------------------------------

  private buildInput(): HelpRequestInput | undefined {
    const kind = this.kind;
    if (!kind) return undefined;
    const v = this.values;
    const base = {
      location: { building: v.building.trim(), ...(v.floor.trim() ? { floor: v.floor.trim() } : {}), ...(v.room.trim() ? { room: v.room.trim() } : {}) },
      phone: v.phone.trim(),
      description: v.description.trim(),
      // When the resident asked, which may be well before the outbox gets it through (schema/help.ts).
      askedAt: formatInstant(this.now(), this.timeZone),
    };
    const field = CHOICES[kind]?.[0];
    const parsed = HelpRequestInput.safeParse(field ? { kind, ...base, [field]: field === 'mode' ? v.sub || 'oral' : v.sub } : { kind, ...base });
    return parsed.success ? parsed.data : undefined;
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    if (!this.kind) {
      this.problem = this.msg.t('chooseKind');
      form.querySelector<HTMLInputElement>('input[name=kind]')?.focus();
      return;
    }
    const input = form.reportValidity() ? this.buildInput() : undefined;
    if (!input) {
      this.problem = this.msg.t('fixFields');
      return;
    }
    this.problem = '';
    this.saving = true;
    try {
      const outbox = this.attached?.outbox;
      if (!outbox) throw new Error('no outbox');
      const entry = await outbox.enqueue(input);
      this.emit(new BmHelpQueuedEvent({ entryId: entry.id, kind: input.kind }));
    } catch (error) {
      if (!isStorageUnavailableError(error)) {
        this.problem = this.common.t('errorUnknown');
        return;
      }
      this.storageUnavailable = true;
      void this.sendDirect(newIdempotencyKey(), input, this.now());
    } finally {
      this.saving = false;
    }
    this.kind = undefined;
    this.values = { ...this.values, description: '', sub: '' };
    await this.showStatus();
  }

  /** Without storage: one attempt (with the client's own retries) under a key kept in memory for "send again". */
  private async sendDirect(key: string, input: HelpRequestInput, createdAt: number): Promise<void> {
    const client = this.bm?.client;
    if (!client) return;
    this.inputs.set(key, input);
    const entry: Entry = { id: key, key, createdAt, attempts: (this.entries.get(key)?.attempts ?? 0) + 1, state: 'sending', direct: true };
    this.entries.set(key, entry);
    this.announce(this.msg.t('state_sending'));
    this.requestUpdate();
    try {
      const request = await client.help.create(input, { idempotencyKey: key });
      this.inputs.delete(key);
      this.entries.set(key, { ...entry, state: 'delivered', receipt: { id: request.id, number: request.number, kind: request.kind }, deliveredAt: Date.now() });
      this.delivered(key, request);
    } catch (error) {
      const rejected = isPermanentFailure(error);
      const failed: Entry = { ...entry, state: 'failed', lastError: outboxError(error), rejected };
      this.entries.set(key, failed);
      this.failed(failed, rejected ? 'rejected' : 'not-sent');
    }
    this.requestUpdate();
  }

  private async showStatus(): Promise<void> {
    this.view = 'status';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#requests-heading')?.focus();
  }

  private async showForm(): Promise<void> {
    this.view = 'form';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('input[name=kind]:checked, input[name=kind]')?.focus();
  }

  /** Puts a refused request back into the form, and forgets the refused entry. */
  private async editAgain(e: Entry): Promise<void> {
    const input = e.payload ?? this.inputs.get(e.id);
    if (input) {
      const field = CHOICES[input.kind]?.[0];
      const sub = field ? ((input as Partial<Record<typeof field, string>>)[field] ?? '') : '';
      this.kind = input.kind;
      this.values = { building: input.location.building, floor: input.location.floor ?? '', room: input.location.room ?? '', phone: input.phone, description: input.description, sub };
    }
    await this.dismiss(e);
    await this.showForm();
  }

  private async dismiss(e: Entry): Promise<void> {
    this.entries.delete(e.id);
    this.requests.delete(e.id);
    this.inputs.delete(e.id);
    this.statusErrors.delete(e.id);
    this.requestUpdate();
    if (!e.direct) await this.attached?.outbox.remove(e.id).catch(() => undefined);
  }

  // ---- progress: polling and the reply clock ---------------------------------------------------

  /** Delivered requests not yet closed. */
  private unresolved(): Entry[] {
    return this.list().filter((e) => e.state === 'delivered' && e.receipt && this.requests.get(e.id)?.status !== 'resolved');
  }

  /**
   * `poll-interval` when usable: a positive number of seconds, at most a day. Anything else (NaN,
   * Infinity, a value past what a timer holds, which would fire at once) is refused.
   */
  private get pollSeconds(): number | undefined {
    const s = this.pollInterval;
    return Number.isFinite(s) && s > 0 && s <= MAX_POLL_SECONDS ? s : undefined;
  }

  private schedulePoll(): void {
    clearTimeout(this.pollTimer);
    this.pollTimer = undefined;
    if (!this.open || !this.isConnected || this.unresolved().length === 0) return;
    const seconds = this.pollSeconds;
    if (seconds === undefined) return;
    this.pollTimer = setTimeout(() => void this.poll(), Math.max(1, seconds) * 1000);
  }

  private async poll(): Promise<void> {
    const client = this.bm?.client;
    if (!client || !this.open) return;
    this.pollAbort?.abort();
    const ctrl = (this.pollAbort = new AbortController());
    await Promise.all(
      this.unresolved().map(async (e) => {
        try {
          const request = await client.help.get(e.receipt!.id, { signal: ctrl.signal });
          if (ctrl.signal.aborted) return;
          const before = this.requests.get(e.id);
          this.requests.set(e.id, request);
          this.statusErrors.delete(e.id);
          if (before && before.status !== request.status) this.announce(this.msg.t(`status_${request.status}`));
          this.checkAcknowledged(e.id, request, before === undefined);
          this.requestUpdate();
        } catch (error) {
          // Said on the card (not "looking it up…" for ever); tried again at the next poll.
          if (ctrl.signal.aborted) return;
          this.statusErrors.set(e.id, describeError(error).key);
          this.requestUpdate();
        }
      }),
    );
    if (!ctrl.signal.aborted) this.schedulePoll();
  }

  /** One timer ticks the countdown while a shown reply clock runs. */
  private syncClock(): void {
    const t = this.now();
    const running = this.open && this.isConnected && [...this.requests.values()].some((r) => helpClock(r, t).phase.startsWith('awaiting'));
    if (running && this.clockTimer === undefined) this.clockTimer = setInterval(() => this.requestUpdate(), 1000);
    if (!running && this.clockTimer !== undefined) {
      clearInterval(this.clockTimer);
      this.clockTimer = undefined;
    }
  }

  private stopTimers(): void {
    clearTimeout(this.pollTimer);
    this.pollTimer = undefined;
    this.pollAbort?.abort();
    clearInterval(this.clockTimer);
    this.clockTimer = undefined;
  }

  // ---- the dialog ------------------------------------------------------------------------------

  private onClose = (): void => {
    // A close event comes a task after the dialog closed: when it was opened again meanwhile
    // (hide() then show()), the event is stale and the dialog stays open.
    if (this.dialog?.open) return;
    this.open = false;
    this.trigger?.focus();
  };

  /** Keeps Tab and Shift+Tab inside the dialog, wrapping at either end. */
  private onKeydown = (e: KeyboardEvent): void => {
    if (e.key !== 'Tab' || !this.dialog) return;
    const items = [...this.dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.getClientRects().length > 0);
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    const active = this.shadowRoot!.activeElement;
    const inside = active !== null && this.dialog.contains(active);
    if (e.shiftKey && (active === first || !inside)) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && (active === last || !inside)) {
      e.preventDefault();
      first.focus();
    }
  };

  // ---- rendering -------------------------------------------------------------------------------

  protected override render(): unknown {
    if (!this.bm) return this.renderNoProvider();
    if (!this.inline && !(HELP_BUTTON_POSITIONS as readonly string[]).includes(this.position)) return this.invalid('position', this.position);
    if (this.pollSeconds === undefined) {
      // The attribute as written ("abc", not NaN), unless the property was set since.
      const raw = this.getAttribute('poll-interval');
      const poll = this.pollInterval;
      return this.invalid('poll-interval', raw !== null && Object.is(Number(raw), poll) ? raw : String(poll));
    }
    const t = this.msg.t.bind(this.msg);
    // Progress is announced in the dialog while it is open (the page behind a modal is inert), and
    // beside the button while it is closed (a closed dialog is not read at all).
    const status = (inDialog: boolean) => html`<p part="status" class="visually-hidden" role="status">${this.open === inDialog ? this.announcement : ''}</p>`;
    return html`<button type="button" part="trigger" class="bm-button trigger" aria-haspopup="dialog" @click=${this.show}>
        <span class="trigger-mark" aria-hidden="true">+</span><slot>${t('trigger')}</slot>
      </button>
      ${status(false)}
      <dialog part="dialog" aria-labelledby="title" @close=${this.onClose} @keydown=${this.onKeydown}>
        <div class="panel">
          <header part="header">
            <h2 id="title">${t('title')}</h2>
            <button type="button" part="close-button" class="bm-button close" aria-label=${this.common.t('close')} @click=${this.hide}>
              <span aria-hidden="true">×</span>
            </button>
          </header>
          ${status(true)}
          ${this.storageUnavailable ? this.renderCalls(undefined, t('callsUnavailable')) : nothing}
          ${this.open ? (this.view === 'status' ? this.renderStatus() : this.renderForm()) : nothing}
        </div>
      </dialog>`;
  }

  private invalid(name: string, value: string): TemplateResult {
    return html`<div class="bm-state" data-kind="error" role="alert" part="error">${this.common.t('invalidAttribute', name, value)}</div>`;
  }

  /**
   * One-tap calls: for an emergency (or an unknown kind) the public numbers, the most relevant first,
   * then the compound's 24-hour phone. Every href comes from the SDK's telHref: digits only, or no link.
   */
  private renderCalls(kind: HelpKind | undefined, intro: string, note?: string): unknown {
    const t = this.msg.t.bind(this.msg);
    const first = kind ? FIRST_NUMBER[kind] : undefined;
    const numbers = kind && !isEmergency(kind) ? [] : [...PUBLIC_NUMBERS].sort((a, b) => Number(b.kind === first) - Number(a.kind === first));
    const phone = this.bm?.compound?.servicePhone;
    const phoneHref = phone ? telHref(phone) : null;
    if (numbers.length === 0 && !phone) return nothing;
    return html`<section part="calls" class="calls" aria-label=${intro}>
      <p class="label">${intro}</p>
      ${note ? html`<p>${note}</p>` : nothing}
      <ul>
        ${numbers.map((n) => {
          const href = telHref(n.number);
          return href ? html`<li><a part="call" class="bm-button emergency" href=${href}>${keepWhole(t(`number_${n.kind}`, n.number), n.number)}</a></li>` : nothing;
        })}
        ${phone
          ? html`<li>
              ${phoneHref
                ? html`<a part="call" class="bm-button" data-variant="primary" href=${phoneHref}>${keepWhole(t('servicePhone', phone), phone)}</a>`
                : html`<span class="no-link">${keepWhole(t('servicePhoneUnavailable', phone), phone)}</span>`}
            </li>`
          : nothing}
      </ul>
    </section>`;
  }

  /** The options the kind needs (CHOICES), if any. */
  private renderSubfields(kind: HelpKind): unknown {
    const choices = CHOICES[kind];
    if (!choices) return nothing;
    const [name, options, legend, prefix] = choices;
    const t = this.msg.t.bind(this.msg);
    return html`<fieldset class="group" part="choices">
      <legend>${t(legend)}</legend>
      ${options.map(
        (o) => html`<label class="choice"
          ><input type="radio" name=${name} value=${o} required .checked=${this.values.sub === o} @change=${() => (this.values = { ...this.values, sub: o })} /><span
            >${t(`${prefix}${o}` as keyof HelpButtonMessages)}</span
          ></label
        >`,
      )}
    </fieldset>`;
  }

  /** A text field of the form, labelled with its own string unless `label` says otherwise. */
  private field(name: 'building' | 'floor' | 'room' | 'phone' | 'description', required: boolean, label: string = this.msg.t(name)): TemplateResult {
    const set = (e: Event) => (this.values = { ...this.values, [name]: (e.target as HTMLInputElement).value });
    const input =
      name === 'description'
        ? html`<textarea id=${name} name=${name} rows="3" maxlength="1000" ?required=${required} .value=${this.values[name]} @input=${set}></textarea>`
        : name === 'phone'
          ? html`<input id=${name} name=${name} type="tel" inputmode="numeric" autocomplete="tel" pattern=${MOBILE_PATTERN} maxlength="11" required aria-describedby="phone-hint" .value=${this.values[name]} @input=${set} /><span class="hint" id="phone-hint">${this.msg.t('phoneHint')}</span>`
          : html`<input id=${name} name=${name} type="text" maxlength=${name === 'floor' ? 10 : 20} ?required=${required} .value=${this.values[name]} @input=${set} />`;
    return html`<div class="field" part="field"><label for=${name}>${label}</label>${input}</div>`;
  }

  private renderForm(): TemplateResult {
    const t = this.msg.t.bind(this.msg);
    const kind = this.kind;
    const emergency = kind !== undefined && isEmergency(kind);
    // Emergencies first (seed 003), whatever order the list is in.
    const kinds = [...HELP_KINDS].sort((a, b) => Number(isEmergency(b)) - Number(isEmergency(a)));
    const sub = kind ? this.renderSubfields(kind) : nothing;
    const where = html`<fieldset class="group">
        <legend>${t('locationLegend')}</legend>
        <div class="pair">${this.field('building', true)}${this.field('floor', false)}${this.field('room', false)}</div>
      </fieldset>
      ${this.field('phone', true)}`;
    // A medical emergency asks first where (floor, address) and which phone, then what is wanted (seed 003).
    return html`<form part="form" novalidate @submit=${this.submit}>
      <p class="intro">${t('intro')}</p>
      <fieldset class="group" part="kinds">
        <legend>${t('kindLegend')}</legend>
        <div class="kinds">
          ${kinds.map(
            (k) => html`<label class="kind" part="kind" data-kind=${k} ?data-emergency=${isEmergency(k)}
              ><input type="radio" name="kind" value=${k} .checked=${kind === k} @change=${() => this.chooseKind(k)} /><span>${t(`kind_${k}`)}</span
              >${isEmergency(k) ? html`<span class="badge">${t('emergencyBadge')}</span>` : nothing}</label
            >`,
          )}
        </div>
      </fieldset>
      ${emergency ? this.renderCalls(kind, t('callsHeading'), t('callsEmergencyNote')) : nothing}
      ${kind === 'medical' ? [where, sub] : [sub, where]}
      ${this.field('description', !emergency, t(emergency ? 'descriptionOptional' : 'description'))}
      ${this.problem ? html`<p part="problem" class="problem" role="alert">${this.problem}</p>` : nothing}
      <button type="submit" part="submit" class="bm-button" data-variant="primary" ?disabled=${this.saving}>${this.saving ? t('saving') : t('submit')}</button>
    </form>`;
  }

  private chooseKind(k: HelpKind): void {
    if (this.kind !== k) this.values = { ...this.values, sub: k === 'consultation' ? 'oral' : '' };
    this.kind = k;
    this.problem = '';
  }

  private renderStatus(): TemplateResult {
    const t = this.msg.t.bind(this.msg);
    const list = this.list();
    // What holds the queue up: the oldest waiting request that was tried (the outbox sends oldest first).
    const holdUp = list.filter((x) => (x.state === 'queued' || x.state === 'sending') && x.lastError).pop()?.lastError;
    return html`<section part="requests" aria-labelledby="requests-heading">
      <h3 id="requests-heading" tabindex="-1">${t('requestsHeading')}</h3>
      <ul class="entries">
        ${list.map((e) => this.renderEntry(e, holdUp))}
      </ul>
      <button type="button" part="new-request" class="bm-button" data-variant="primary" @click=${this.showForm}>${t('newRequest')}</button>
    </section>`;
  }

  private renderEntry(e: Entry, holdUp: OutboxError | undefined): TemplateResult {
    const t = this.msg.t.bind(this.msg);
    const request = this.requests.get(e.id);
    // The receipt's kind comes from storage, which anything on the device may have written.
    const stored = e.receipt?.kind;
    const kind = request?.kind ?? (e.payload ?? this.inputs.get(e.id))?.kind ?? (HELP_KINDS.includes(stored!) ? stored : undefined);
    const asked = formatDateTime(request?.askedAt ?? e.payload?.askedAt ?? e.createdAt, this.effectiveLocale, this.timeZone);
    // A queued entry the server refused with 401 waits for a fresh sign-in; one the server could not
    // take now (a 5xx, 408, 429, 409 in flight) is sent again shortly; only the rest wait for the network.
    // One not tried yet waits for what holds the queue up.
    const status = e.state === 'queued' ? (e.lastError ?? holdUp)?.status : undefined;
    const stateLabel =
      e.direct && e.state === 'failed' && !e.rejected
        ? t('state_direct_failed')
        : status === 401
          ? t('state_queued_signin')
          : status
            ? t('state_queued_retry')
            : t(`state_${e.state}`);
    return html`<li part="entry" class="entry" data-state=${e.state}>
      <p part="entry-state" class="entry-state">${stateLabel}</p>
      <p class="meta">${kind ? html`<span>${t(`kind_${kind}`)}</span> · ` : nothing}<span>${t('askedAt', asked)}</span>${e.receipt ? html` · <span part="number">${t('number', e.receipt.number)}</span>` : nothing}</p>
      ${e.state === 'queued' || e.state === 'sending' ? this.renderCalls(kind, t('callsQueued')) : nothing}
      ${e.state === 'failed' ? this.renderFailure(e, kind) : nothing}
      ${e.state === 'delivered' ? (e.receipt ? this.renderProgress(request, this.statusErrors.get(e.id)) : html`<p class="meta">${t('receiptUnreadable')}</p>`) : nothing}
    </li>`;
  }

  private renderFailure(e: Entry, kind: HelpKind | undefined): TemplateResult {
    const t = this.msg.t.bind(this.msg);
    const described = describeError(e.lastError);
    const { requestId } = described;
    // A 400 from the server is its validation of the request (the contract's `validation_failed`).
    const key = e.lastError?.status === 400 ? 'errorValidation' : described.key;
    const retryable = e.direct && !e.rejected;
    const input = this.inputs.get(e.id);
    return html`<p part="failure" class="failure">${t('whyFailed')}${this.common.t(key)}${requestId ? html` <span class="detail">${this.common.t('requestId', requestId)}</span>` : nothing}</p>
      ${this.renderCalls(kind, t('callsNotDelivered'))}
      <div class="actions">
        ${retryable && input
          ? html`<button type="button" class="bm-button" data-variant="primary" @click=${() => void this.sendDirect(e.key, input, e.createdAt)}>${t('sendAgain')}</button>`
          : html`<button type="button" class="bm-button" @click=${() => void this.editAgain(e)}>${t('editAgain')}</button>`}
        <button type="button" class="bm-button" @click=${() => void this.dismiss(e)}>${t('dismiss')}</button>
      </div>`;
  }

  private renderProgress(request: HelpRequest | undefined, error?: ReturnType<typeof describeError>['key']): TemplateResult {
    const t = this.msg.t.bind(this.msg);
    if (!request) return html`<p class="meta">${error ? this.common.t(error) : t('loadingStatus')}</p>`;
    const clock = helpClock(request, this.now());
    const running = clock.phase === 'awaiting-acknowledgement' || clock.phase === 'awaiting-reply';
    const countdown = !running
      ? nothing
      : html`<p part="countdown" class="countdown" role="timer" ?data-overdue=${clock.overdue}>
          ${clock.overdue
            ? t('replyOverdue', ...minutesSeconds(clock.remainingMs))
            : clock.remainingMs > 3_600_000
              ? t('replyBy', formatDateTime(clock.dueAt, this.effectiveLocale, this.timeZone))
              : t('replyIn', ...minutesSeconds(clock.remainingMs))}
        </p>`;
    const referral = request.referral;
    const referralHref = referral?.phone ? telHref(referral.phone) : null;
    return html`<p part="request-status" class="request-status" data-status=${request.status}>${t(`status_${request.status}`)}</p>
      ${countdown}
      ${request.reply ? html`<div part="reply" class="reply"><p class="label">${t('replyLabel')}</p><p>${request.reply}</p></div>` : nothing}
      ${referral
        ? html`<div part="referral" class="referral">
            <p class="label">${t('referralHeading')}</p>
            <p>${t('referralTo', this.msg.text(referral.to))}</p>
            ${referral.note ? html`<p>${this.msg.text(referral.note)}</p>` : nothing}
            ${referralHref
              ? html`<a part="call" class="bm-button" data-variant="primary" href=${referralHref}>${keepWhole(t('referralCall', referral.phone!), referral.phone!)}</a>`
              : referral.phone
                ? html`<p>${referral.phone}</p>`
                : nothing}
          </div>`
        : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bm-help-button': BmHelpButton;
  }
}

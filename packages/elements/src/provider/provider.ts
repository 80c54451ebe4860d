import { ContextProvider } from '@lit/context';
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { COMPOUND_TIME_ZONE, createClient, type Compound, type Locale } from '@bianmin/sdk';
import { isPermanentFailure } from '@bianmin/sdk/outbox';
import { bianminContext, type BianminClient, type BianminContext } from '../base/context.js';
import { commonMessages } from '../i18n/common.js';
import { DEFAULT_LOCALE, resolveLocale } from '../i18n/localize.js';

/**
 * Gives every Bianmin widget inside it the SDK client, the locale and the compound's settings
 * (name, 24-hour phone, time zone). Providers nest; a widget uses the nearest one. Settings that
 * could not be loaded (no network, a 5xx) are asked for again when the browser comes back online and
 * after a growing pause (15 s, doubling, at most 10 minutes), so the 24-hour phone appears without
 * a reload.
 *
 * @summary The connection between Bianmin widgets and a backend.
 * @tagname bm-provider
 * @slot - The widgets (and any other content).
 * @csspart error - The message shown when neither `base-url` nor `client` is given.
 * @event bm-provider-ready - The compound's settings have loaded; `detail.compound`.
 */
export class BmProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
    [part='error'] {
      display: block;
      padding: 0.75rem 1rem;
      border: 1px solid #b3261e;
      border-radius: 0.5rem;
      color: #b3261e;
      font-family: system-ui, sans-serif;
    }
  `;

  /** The API root, e.g. `/api` or `https://wuye.example.com/api`. */
  @property({ attribute: 'base-url' }) baseUrl?: string;

  /** `zh-CN` (default) or `en`. */
  @property({ reflect: true }) locale?: string;

  /** The compound's time zone for display; Asia/Shanghai unless the compound says otherwise. A zone the browser does not know is ignored (with a console warning). */
  @property({ attribute: 'time-zone' }) timeZone?: string;

  /** A client built in code (`createClient(...)`); takes precedence over `base-url`. */
  @property({ attribute: false }) client?: BianminClient;

  /** Called for every request to get the current token; the token is never stored. */
  @property({ attribute: false }) getToken?: () => string | null | undefined | Promise<string | null | undefined>;

  /** The compound's settings, loaded from the API; may also be set in code. */
  @property({ attribute: false }) compound?: Compound;

  private ownClient?: BianminClient;
  private loadedFor?: BianminClient;
  private readonly provider = new ContextProvider(this, { context: bianminContext });
  private loadController?: AbortController;
  private retryTimer?: ReturnType<typeof setTimeout>;
  private retries = 0;
  private readonly onOnline = (): void => {
    if (!this.compound && this.loadedFor) void this.loadCompound(this.loadedFor);
  };

  get effectiveLocale(): Locale {
    return resolveLocale(this.locale) ?? resolveLocale(this.closest('[lang]')?.getAttribute('lang')) ?? DEFAULT_LOCALE;
  }

  /** The client the widgets use. */
  get activeClient(): BianminClient | undefined {
    return this.client ?? this.ownClient;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('online', this.onOnline);
    // Moved in the page before its settings arrived: ask again.
    this.onOnline();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('online', this.onOnline);
    clearTimeout(this.retryTimer);
    this.loadController?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('baseUrl') || changed.has('getToken') || changed.has('locale')) {
      this.ownClient = this.baseUrl
        ? createClient({ baseUrl: this.baseUrl, locale: this.effectiveLocale, getToken: () => this.getToken?.() })
        : undefined;
    }
    const client = this.activeClient;
    if (client && client !== this.loadedFor) {
      this.loadedFor = client;
      if (!changed.has('compound') || !this.compound) void this.loadCompound(client);
    }
    if (client) {
      this.provider.setValue({
        client,
        locale: this.effectiveLocale,
        timeZone: this.validTimeZone() ?? this.compound?.timeZone ?? COMPOUND_TIME_ZONE,
        ...(this.compound ? { compound: this.compound } : {}),
      } satisfies BianminContext);
    }
  }

  private checkedZone?: { zone: string; valid: boolean };

  /**
   * `time-zone` if the browser knows it. An unknown zone would make every date a widget formats
   * throw, so it is reported once on the console and the compound's zone is used instead.
   */
  private validTimeZone(): string | undefined {
    const zone = this.timeZone;
    if (zone === undefined || zone === null) return undefined;
    if (this.checkedZone?.zone !== zone) {
      let valid = zone !== '';
      try {
        if (valid) new Intl.DateTimeFormat('en', { timeZone: zone });
      } catch {
        valid = false;
      }
      this.checkedZone = { zone, valid };
      if (!valid) console.warn(`[bianmin] <bm-provider time-zone="${zone.slice(0, 80)}"> is not a time zone; the compound's zone is used.`);
    }
    return this.checkedZone.valid ? zone : undefined;
  }

  private async loadCompound(client: BianminClient): Promise<void> {
    clearTimeout(this.retryTimer);
    this.loadController?.abort();
    const controller = new AbortController();
    this.loadController = controller;
    try {
      const compound = await client.compound.get({ signal: controller.signal });
      if (controller.signal.aborted || client !== this.activeClient) return;
      this.compound = compound;
      this.retries = 0;
      this.dispatchEvent(new CustomEvent('bm-provider-ready', { detail: { compound }, bubbles: true, composed: true }));
    } catch (error) {
      // Widgets still work without the compound's settings; each shows its own errors. A refusal
      // (a 4xx the outbox would not retry either) will not change by asking again; anything else may.
      if (controller.signal.aborted || client !== this.activeClient || isPermanentFailure(error)) return;
      this.retryTimer = setTimeout(() => this.compound || void this.loadCompound(client), Math.min(600_000, 15_000 * 2 ** this.retries++));
    }
  }

  protected override render() {
    return html`${this.activeClient
        ? nothing
        : html`<div part="error" role="alert">${commonMessages[this.effectiveLocale].providerNeedsClient}</div>`}<slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bm-provider': BmProvider;
  }
  interface GlobalEventHandlersEventMap {
    'bm-provider-ready': CustomEvent<{ compound: Compound }>;
  }
}

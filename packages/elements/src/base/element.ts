import { ContextConsumer, ContextRoot } from '@lit/context';
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { COMPOUND_TIME_ZONE, type Locale } from '@bianmin/sdk';
import type { Resource } from '../controllers/resource.js';
import { commonMessages, type CommonMessages } from '../i18n/common.js';
import { DEFAULT_LOCALE, Localize, resolveLocale } from '../i18n/localize.js';
import { describeError } from './errors.js';
import { bianminContext, type BianminContext } from './context.js';

let contextRootAttached = false;
/** Lets a provider that upgrades after its widgets still reach them. */
function ensureContextRoot(): void {
  if (contextRootAttached || typeof document === 'undefined') return;
  contextRootAttached = true;
  new ContextRoot().attach(document.documentElement);
}

/**
 * The base of every Bianmin widget: the provider's context, the locale, custom states, and one
 * look for loading, empty and error states.
 */
export class BmElement extends LitElement {
  /** The context from the nearest `<bm-provider>`; undefined when there is none. */
  @state()
  protected bm?: BianminContext;

  /** Overrides the provider's locale for this widget: `zh-CN` or `en`. */
  @property({ reflect: true }) locale?: string;

  protected readonly common = new Localize<CommonMessages>(this, commonMessages);
  protected readonly internals: ElementInternals;

  constructor() {
    super();
    // What `@consume({ context: bianminContext, subscribe: true })` on `bm` does, without the
    // decorator's code.
    new ContextConsumer(this, { context: bianminContext, callback: (value) => (this.bm = value), subscribe: true });
    this.internals = this.attachInternals();
  }

  override connectedCallback(): void {
    ensureContextRoot();
    super.connectedCallback();
  }

  /**
   * Holds each update until the strings of the widget's locale are here: English loads on demand
   * (a chunk of its own), so a widget shown in English never renders zh-CN first, and
   * `updateComplete` resolves after the English render. When they cannot load, the widget renders
   * zh-CN and updates again once they arrive (see `Localize`).
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const strings = Localize.loading(this);
    return strings ? strings.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  /** The locale in force: the widget's own, the provider's, the page's `lang`, else zh-CN. */
  get effectiveLocale(): Locale {
    return (
      resolveLocale(this.locale) ??
      this.bm?.locale ??
      resolveLocale(this.closest('[lang]')?.getAttribute('lang')) ??
      DEFAULT_LOCALE
    );
  }

  /** The compound's time zone (Asia/Shanghai unless the provider says otherwise). */
  get timeZone(): string {
    return this.bm?.timeZone ?? COMPOUND_TIME_ZONE;
  }

  /** Turns a custom state (`:state(name)`) on or off; engines without CustomStateSet are skipped. */
  protected setCustomState(name: string, on: boolean): void {
    const states = (this.internals as ElementInternals & { states?: Set<string> }).states;
    if (!states) return;
    try {
      if (on) states.add(name);
      else states.delete(name);
    } catch {
      // Chromium before 125 only accepts the legacy `--name` form.
      try {
        if (on) states.add(`--${name}`);
        else states.delete(`--${name}`);
      } catch {
        // No custom states here; styling falls back to attributes.
      }
    }
  }

  /** Dispatches a domain event (bubbles, composed); returns false when a listener cancelled it. */
  protected emit(event: Event): boolean {
    return this.dispatchEvent(event);
  }

  /** The readable error shown when the widget has no `<bm-provider>` above it. */
  protected renderNoProvider(): TemplateResult {
    return html`<div class="bm-state" data-kind="error" role="alert" part="error">
      ${this.common.t('noProvider', this.localName)}
    </div>`;
  }

  protected renderLoading(): TemplateResult {
    return html`<div class="bm-state" data-kind="loading" role="status" part="loading">
      <span class="bm-spinner" aria-hidden="true"></span>
      <span>${this.common.t('loading')}</span>
    </div>`;
  }

  protected renderEmpty(message?: string): TemplateResult {
    return html`<div class="bm-state" data-kind="empty" part="empty">${message ?? this.common.t('empty')}</div>`;
  }

  protected renderError(error: unknown, retry?: () => void): TemplateResult {
    const { key, requestId } = describeError(error);
    return html`<div class="bm-state" data-kind="error" role="alert" part="error">
      <span>${this.common.t(key)}</span>
      ${requestId ? html`<span class="detail">${this.common.t('requestId', requestId)}</span>` : nothing}
      ${retry
        ? html`<button type="button" class="bm-button" part="retry-button" @click=${retry}>${this.common.t('retry')}</button>`
        : nothing}
    </div>`;
  }

  /** Renders a resource in its state, with the shared loading, empty and error looks. */
  protected renderResource<T, A extends readonly unknown[]>(
    resource: Resource<T, A>,
    ready: (value: T) => unknown,
    options: { empty?: string } = {},
  ): unknown {
    const { status, value } = resource;
    if (status === 'empty') return this.renderEmpty(options.empty);
    const error = status === 'error' ? this.renderError(resource.error, () => void resource.refresh()) : nothing;
    if (value === undefined && status !== 'ready') return status === 'error' ? error : this.renderLoading();
    // A failed refresh keeps the last good value on screen, and what was typed into it (one
    // template whatever the state, so Lit keeps the DOM), with the error and a retry above it.
    return html`${error}${ready(value as T)}`;
  }
}

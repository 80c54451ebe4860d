import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Locale } from '@bianmin/sdk';

export type Message = string | ((...args: never[]) => string);
export type Dictionary = Record<string, Message>;
/** Strings with exactly the keys and argument types of the reference dictionary `D` (zh-CN). */
export type Translation<D extends Dictionary> = { [K in keyof D]: D[K] };
/** A widget's strings: zh-CN is the reference, en must have the same keys and argument types. */
export type Dictionaries<D extends Dictionary> = { 'zh-CN': D; en: Translation<D> };
/** A locale's strings, or how to load them: `() => import('./x.i18n.en.js').then((m) => m.en)`. */
export type TranslationSource<D extends Dictionary> = Translation<D> | (() => Promise<Translation<D>>);

type Args<M> = M extends (...args: infer A) => string ? A : [];
type Host = ReactiveControllerHost & { readonly effectiveLocale: Locale };

export const DEFAULT_LOCALE: Locale = 'zh-CN';

/** Picks a supported locale from a BCP 47 tag ("en-US" → "en", "zh-Hans-CN" → "zh-CN"). */
export function resolveLocale(tag: string | null | undefined): Locale | undefined {
  if (!tag) return undefined;
  const lower = tag.toLowerCase();
  if (lower.startsWith('zh')) return 'zh-CN';
  if (lower.startsWith('en')) return 'en';
  return undefined;
}

let warned = false;

/**
 * A widget's strings in every locale: zh-CN inline (the reference type, always there), the others
 * inline or loaded on demand, e.g. `en: () => import('./x.i18n.en.js').then((m) => m.en)`, so that
 * bundlers put them in a chunk of their own that a zh-CN page never downloads. Make one per widget
 * module: what it loads is kept for every instance on the page.
 */
export class MessageCatalog<D extends Dictionary> {
  private readonly ready = new Map<Locale, Translation<D>>();
  private readonly loading = new Map<Locale, Promise<boolean>>();
  private readonly failedAt = new Map<Locale, number>();
  /** Controllers showing zh-CN in place of strings still to come: updated when they arrive. */
  private readonly waiting = new Set<Localize<D>>();

  constructor(
    readonly reference: D,
    private readonly sources: { readonly [L in Exclude<Locale, 'zh-CN'>]: TranslationSource<D> },
  ) {
    this.ready.set(DEFAULT_LOCALE, reference);
    for (const [locale, source] of Object.entries(sources) as [Locale, TranslationSource<D>][]) {
      if (typeof source !== 'function') this.ready.set(locale, source);
    }
  }

  /** The locale's strings when they are here (zh-CN always is). */
  get(locale: Locale): Translation<D> | undefined {
    return this.ready.get(locale);
  }

  /** Whether a load of the locale's strings is under way. */
  isLoading(locale: Locale): boolean {
    return this.loading.has(locale);
  }

  /** When the last load of the locale's strings failed (ms since the epoch); 0 if none has. */
  lastFailure(locale: Locale): number {
    return this.failedAt.get(locale) ?? 0;
  }

  /**
   * Loads the locale's strings, once for the page (a load under way is shared). Resolves true when
   * they are here; false when they could not load (offline, server down): the attempt is then
   * forgotten, so the next call tries again. Never rejects.
   */
  load(locale: Locale): Promise<boolean> {
    if (this.ready.has(locale)) return Promise.resolve(true);
    const under = this.loading.get(locale);
    if (under) return under;
    const source = this.sources[locale as Exclude<Locale, 'zh-CN'>];
    const loading = Promise.resolve()
      .then(() => (typeof source === 'function' ? source() : source))
      .then((strings) => {
        if (!strings) throw new TypeError('the module has no such strings');
        this.ready.set(locale, strings);
        return true;
      })
      .catch((error: unknown) => {
        this.failedAt.set(locale, Date.now());
        if (!warned) {
          warned = true;
          const why = error instanceof Error ? error.message : String(error);
          console.warn(`[bianmin] The ${locale} strings could not load (${why}); widgets show zh-CN meanwhile and try again later.`);
        }
        return false;
      })
      .finally(() => this.loading.delete(locale));
    this.loading.set(locale, loading);
    void loading.then((ok) => {
      if (ok) for (const controller of this.waiting) controller.arrived(locale);
    });
    return loading;
  }

  /** @internal */
  wait(controller: Localize<D>, on: boolean): void {
    if (on) this.waiting.add(controller);
    else this.waiting.delete(controller);
  }
}

const controllersOf = new WeakMap<ReactiveControllerHost, Set<Localize<Dictionary>>>();

/**
 * Typed strings for a host element. The locale is the host's own `locale`, else its provider's,
 * else zh-CN; `t('key', ...args)` is checked against the dictionary at compile time.
 *
 * Strings of a locale that loads on demand (a `MessageCatalog` source that is a function) are
 * loaded the first time the host needs them. A host that awaits `Localize.loading(this)` in
 * `scheduleUpdate()` (as every Bianmin widget does) renders nothing until they are here, so it
 * never shows zh-CN first; when they cannot load, or take longer than `Localize.holdLimit`, it
 * renders zh-CN and updates again once they arrive.
 */
export class Localize<D extends Dictionary> implements ReactiveController {
  /** How long (ms) an update waits for strings that are loading before it renders zh-CN meanwhile. */
  static holdLimit = 3000;
  /** After a failed load, how long (ms) a host showing zh-CN in its place waits before its updates try again. */
  static retryAfter = 30_000;

  /**
   * Resolves when the strings of every `Localize` of the host are here, or the host has to do
   * without them for now (they failed to load, or are still loading after `holdLimit`; it shows
   * zh-CN then); undefined when nothing needs loading. A host awaits it in `scheduleUpdate()`.
   */
  static loading(host: ReactiveControllerHost): Promise<void> | undefined {
    const controllers = controllersOf.get(host);
    let loads: Promise<void>[] | undefined;
    for (const c of controllers ?? []) {
      const load = c.hold();
      if (load) (loads ??= []).push(load);
    }
    if (!controllers || !loads) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const limit = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, Localize.holdLimit);
    });
    return Promise.race([Promise.all(loads), limit]).then(() => {
      clearTimeout(timer);
      // Still loading after the limit: render zh-CN now, and again when the strings arrive.
      for (const c of controllers) if (!c.catalog.get(c.locale)) c.fallBack(c.locale);
    });
  }

  private readonly catalog: MessageCatalog<D>;
  /** The locale whose strings this host does without for now (it shows zh-CN in their place). */
  private without: Locale | undefined;

  constructor(
    private readonly host: Host,
    dictionaries: MessageCatalog<D> | Dictionaries<D>,
  ) {
    this.catalog =
      dictionaries instanceof MessageCatalog ? dictionaries : new MessageCatalog(dictionaries['zh-CN'], { en: dictionaries.en });
    host.addController(this);
    let controllers = controllersOf.get(host);
    if (!controllers) controllersOf.set(host, (controllers = new Set()));
    controllers.add(this as unknown as Localize<Dictionary>);
  }

  hostConnected(): void {
    // Re-attached: a locale that failed to load is tried again at the next update.
    this.without = undefined;
  }

  hostUpdate(): void {
    // A host that did not wait (it does not use `Localize.loading`) renders zh-CN meanwhile.
    if (this.hold()) this.fallBack(this.locale);
  }

  hostDisconnected(): void {
    this.catalog.wait(this, false);
  }

  get locale(): Locale {
    return this.host.effectiveLocale;
  }

  /** The locale `t()` answers in: the host's, or zh-CN while that locale's strings are not here. */
  get resolvedLocale(): Locale {
    return this.catalog.get(this.locale) ? this.locale : DEFAULT_LOCALE;
  }

  t<K extends keyof D>(key: K, ...args: Args<D[K]>): string {
    const reference = this.catalog.reference;
    const dict = (this.catalog.get(this.locale) ?? reference) as D;
    const message = (dict[key] ?? reference[key]) as Message;
    return typeof message === 'function' ? (message as (...a: Args<D[K]>) => string)(...args) : message;
  }

  /** Text from the server in the current locale, falling back to zh-CN. */
  text(value: { 'zh-CN': string; en?: string | undefined } | undefined): string {
    if (!value) return '';
    return (this.locale === 'en' ? value.en : undefined) || value['zh-CN'];
  }

  /**
   * What an update has to wait for: the load of the locale's strings, when they are not here and
   * this host has not already settled for zh-CN in their place (then a failed load is tried again
   * in the background, at most every `Localize.retryAfter` ms).
   */
  private hold(): Promise<void> | undefined {
    const locale = this.locale;
    if (this.catalog.get(locale)) {
      this.settle();
      return undefined;
    }
    if (this.without === locale) {
      if (!this.catalog.isLoading(locale) && Date.now() - this.catalog.lastFailure(locale) >= Localize.retryAfter) {
        void this.catalog.load(locale);
      }
      return undefined;
    }
    this.settle();
    return this.catalog.load(locale).then((ok) => {
      if (!ok) this.fallBack(locale);
    });
  }

  /** Shows zh-CN in place of the locale's strings until they arrive. */
  private fallBack(locale: Locale): void {
    this.without = locale;
    this.catalog.wait(this, true);
  }

  private settle(): void {
    if (this.without === undefined) return;
    this.without = undefined;
    this.catalog.wait(this, false);
  }

  /** @internal The catalog has the locale's strings now. */
  arrived(locale: Locale): void {
    if (this.without !== locale) return;
    this.settle();
    this.host.requestUpdate();
  }
}

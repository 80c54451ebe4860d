import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Locale } from '@bianmin/sdk';

export type Message = string | ((...args: never[]) => string);
export type Dictionary = Record<string, Message>;
/** A widget's strings: zh-CN is the reference, en must have the same keys and argument types. */
export type Dictionaries<D extends Dictionary> = { 'zh-CN': D; en: { [K in keyof D]: D[K] } };

type Args<M> = M extends (...args: infer A) => string ? A : [];

export const DEFAULT_LOCALE: Locale = 'zh-CN';

/** Picks a supported locale from a BCP 47 tag ("en-US" → "en", "zh-Hans-CN" → "zh-CN"). */
export function resolveLocale(tag: string | null | undefined): Locale | undefined {
  if (!tag) return undefined;
  const lower = tag.toLowerCase();
  if (lower.startsWith('zh')) return 'zh-CN';
  if (lower.startsWith('en')) return 'en';
  return undefined;
}

/**
 * Typed strings for a host element. The locale is the host's own `locale`, else its provider's,
 * else zh-CN; `t('key', ...args)` is checked against the dictionary at compile time.
 */
export class Localize<D extends Dictionary> implements ReactiveController {
  constructor(
    private readonly host: ReactiveControllerHost & { readonly effectiveLocale: Locale },
    private readonly dictionaries: Dictionaries<D>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  get locale(): Locale {
    return this.host.effectiveLocale;
  }

  t<K extends keyof D>(key: K, ...args: Args<D[K]>): string {
    const dict = (this.dictionaries[this.locale] ?? this.dictionaries[DEFAULT_LOCALE]) as D;
    const message = (dict[key] ?? this.dictionaries[DEFAULT_LOCALE][key]) as Message;
    return typeof message === 'function' ? (message as (...a: Args<D[K]>) => string)(...args) : message;
  }

  /** Text from the server in the current locale, falling back to zh-CN. */
  text(value: { 'zh-CN': string; en?: string | undefined } | undefined): string {
    if (!value) return '';
    return (this.locale === 'en' ? value.en : undefined) || value['zh-CN'];
  }
}

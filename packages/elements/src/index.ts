export { BmElement } from './base/element.js';
export { defineElement } from './base/define.js';
export { bianminContext, type BianminClient, type BianminContext } from './base/context.js';
export { describeError } from './base/errors.js';
export { Resource, type ResourceStatus, type ResourceOptions } from './controllers/resource.js';
export { Localize, resolveLocale, type Dictionaries, type Dictionary } from './i18n/localize.js';
export { commonMessages } from './i18n/common.js';
export { tokens, baseStyles } from './theme/tokens.js';
export { BmProvider } from './provider/provider.js';

import { defineElement } from '../base/define.js';
import { BmProvider } from '../provider/provider.js';

defineElement('bm-provider', BmProvider);
export { BmProvider };

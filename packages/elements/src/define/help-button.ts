import { defineElement } from '../base/define.js';
import { BmHelpButton } from '../help-button/help-button.js';

defineElement('bm-help-button', BmHelpButton);
export { BmHelpButton };

import { defineElement } from '../base/define.js';
import { BmServiceMenu } from '../service-menu/service-menu.js';

defineElement('bm-service-menu', BmServiceMenu);
export { BmServiceMenu };
export { BmServiceSelectEvent } from '../service-menu/service-menu.js';

import { defineElement } from '../base/define.js';
import { BmFeeBoard } from '../fee-board/fee-board.js';

defineElement('bm-fee-board', BmFeeBoard);
export { BmFeeBoard };

/** The business rules of @bianmin/sdk: pure functions shared by the widgets and the mock backend. */
export * from './time.js';
export * from './money.js';
export * from './categories.js';
export * from './quote.js';
export * from './settle.js';
export * from './slots.js';
export * from './wanted.js';
export * from './loans.js';
export * from './help.js';
export * from './agreements.js';
export * from './statements.js';
export * from './mask.js';
export * from './transitions.js';

export * from './schema/index.js';
export * from './contract/index.js';
export * from './client/index.js';
export * from './rules/index.js';

export * from './endpoints.js';
export * from './access.js';

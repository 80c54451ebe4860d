// Ambient declarations for browser tests (web-test-runner + mocha).
// @types/mocha is not installed; these cover the mocha BDD globals we use.
// (vitest tests import describe/it/expect from 'vitest' explicitly, which shadows these.)

type MochaDone = (err?: unknown) => void;
type MochaFn = (this: MochaContext, done: MochaDone) => void | PromiseLike<unknown>;
type MochaAsyncFn = (this: MochaContext) => void | PromiseLike<unknown>;
type MochaTestFn = MochaFn | MochaAsyncFn;

interface MochaContext {
  timeout(ms: number): void;
  slow(ms: number): void;
  retries(n: number): void;
  skip(): never;
}

interface MochaSuiteFn {
  (title: string, fn: (this: MochaContext) => void): void;
  only(title: string, fn: (this: MochaContext) => void): void;
  skip(title: string, fn: (this: MochaContext) => void): void;
}

interface MochaItFn {
  (title: string, fn?: MochaTestFn): void;
  only(title: string, fn?: MochaTestFn): void;
  skip(title: string, fn?: MochaTestFn): void;
}

type MochaHookFn = {
  (fn: MochaTestFn): void;
  (description: string, fn: MochaTestFn): void;
};

declare const describe: MochaSuiteFn;
declare const context: MochaSuiteFn;
declare const it: MochaItFn;
declare const before: MochaHookFn;
declare const after: MochaHookFn;
declare const beforeEach: MochaHookFn;
declare const afterEach: MochaHookFn;

declare module 'axe-core/axe.min.js' {}

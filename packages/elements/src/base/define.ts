/**
 * Registers a custom element once. A second copy of the library on the page (or a second import
 * of a define entry) warns instead of throwing `NotSupportedError` (Shoelace's `define()`).
 */
export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  const registry = globalThis.customElements;
  if (!registry) return;
  const existing = registry.get(tag);
  if (existing === undefined) {
    registry.define(tag, ctor);
  } else if (existing !== ctor) {
    console.warn(`[bianmin] <${tag}> is already defined by another copy of @bianmin/elements; this copy is not registered.`);
  }
}

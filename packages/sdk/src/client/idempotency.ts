/**
 * A fresh idempotency key: a random (version 4) UUID from the platform's secure random source.
 * Uses `crypto.randomUUID` where it exists and builds the UUID from `crypto.getRandomValues`
 * elsewhere (older WebViews, insecure contexts). Never `Math.random`: a guessable or colliding key
 * could replay someone else's stored response.
 */
export function newIdempotencyKey(): string {
  const c = (globalThis as { crypto?: Partial<Crypto> }).crypto;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  if (!c || typeof c.getRandomValues !== 'function') {
    throw new Error('No secure random source (crypto.getRandomValues) to make an idempotency key');
  }
  const b = c.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40; // version 4
  b[8] = (b[8]! & 0x3f) | 0x80; // RFC 4122 variant
  let hex = '';
  for (let i = 0; i < 16; i++) hex += (b[i]! + 0x100).toString(16).slice(1);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

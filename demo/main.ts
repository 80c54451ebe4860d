// Demo entry (placeholder). Every demo/*.html is a page of `vite build`; msw's worker is
// served at ./mockServiceWorker.js by the bianmin:msw-worker plugin in vite.config.ts.
export {};

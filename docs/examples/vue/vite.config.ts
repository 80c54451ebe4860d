// The Vue 3 example: `npx vite build --config docs/examples/vue/vite.config.ts` → dist/examples/vue.
// Vue's template compiler is told that `bm-*` tags are custom elements, so it renders them as they
// are instead of looking for Vue components. The workspace packages resolve to their sources
// (`source` condition), so their Lit decorators are lowered here as in the demo (Vite 8's oxc
// leaves standard decorators untransformed).
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';
import { legacyDecoratorsOxc, mswWorkerPlugin, sourceConditions } from '../../../vite.config.js';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  base: './',
  publicDir: false,
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('bm-') } } }), mswWorkerPlugin()],
  oxc: legacyDecoratorsOxc,
  resolve: { conditions: sourceConditions },
  build: {
    outDir: resolve(here, '../../../dist/examples/vue'),
    emptyOutDir: true,
    target: 'es2021',
    // The example bundles the mock backend (msw and the fixtures) next to the app.
    chunkSizeWarningLimit: 1500,
  },
});

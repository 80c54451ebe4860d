// Storybook 10 (web-components + Vite 8).
//
// Storybook's Vite builder also loads the root vite.config.ts (minus `build`, and with
// its own root), so `resolve.conditions` ('source') and the oxc legacy-decorator
// options come from there; viteFinal re-applies them anyway so stories never fall back
// to untransformed standard decorators, and drops the demo-only msw plugin (the
// worker comes from staticDirs here).
import type { StorybookConfig } from '@storybook/web-components-vite';
import { legacyDecoratorsOxc, sourceConditions } from '../vite.config.js';

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', 'msw-storybook-addon'],
  framework: {
    name: '@storybook/web-components-vite',
    options: {},
  },
  docs: {
    defaultName: 'Docs',
  },
  core: {
    disableTelemetry: true,
    disableWhatsNewNotifications: true,
  },
  // msw's worker at /mockServiceWorker.js, straight from node_modules (dev and build).
  staticDirs: [{ from: '../node_modules/msw/lib/mockServiceWorker.js', to: '/mockServiceWorker.js' }],
  async viteFinal(viteConfig) {
    const { mergeConfig } = await import('vite');
    const plugins = (viteConfig.plugins ?? []).filter(
      (p) => !(p && typeof p === 'object' && 'name' in p && p.name === 'bianmin:msw-worker'),
    );
    return mergeConfig(
      { ...viteConfig, plugins, publicDir: false },
      {
        oxc: legacyDecoratorsOxc,
        resolve: { conditions: sourceConditions },
        // The web-components renderer imports lit/directive-helpers.js, which the dep
        // optimizer would otherwise serve unbundled next to a pre-bundled `lit`: two
        // lit-html copies ("Multiple versions of Lit loaded"). Pre-bundle them together.
        optimizeDeps: {
          include: ['lit', 'lit/decorators.js', 'lit/directive.js', 'lit/directive-helpers.js'],
        },
        // Storybook's own bundles are big; keep the build log to warnings.
        logLevel: 'warn',
        build: { target: 'es2021', chunkSizeWarningLimit: 2048, reportCompressedSize: false },
      },
    );
  },
};

export default config;

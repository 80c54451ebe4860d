// Custom Elements Manifest for @bianmin/elements: `npm run cem`.
// Tags come from each class's `@tagname` JSDoc (registration happens in define/*, not by decorator).
export default {
  globs: ['packages/elements/src/**/*.ts'],
  exclude: ['packages/elements/src/**/*.styles.ts', 'packages/elements/src/**/*.i18n.ts', 'packages/elements/src/**/*.i18n.en.ts', 'packages/elements/src/define/**'],
  outdir: 'packages/elements',
  litelement: true,
  dependencies: false,
  packagejson: false,
  plugins: [
    {
      // The file system lists files in no fixed order: sort modules so the manifest is the same on every machine.
      name: 'bianmin-stable-order',
      packageLinkPhase({ customElementsManifest }) {
        customElementsManifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      },
    },
  ],
};

// Custom Elements Manifest for @bianmin/elements: `npm run cem`.
// Tags come from each class's `@tagname` JSDoc (registration happens in define/*, not by decorator).
export default {
  globs: ['packages/elements/src/**/*.ts'],
  exclude: ['packages/elements/src/**/*.styles.ts', 'packages/elements/src/**/*.i18n.ts', 'packages/elements/src/define/**'],
  outdir: 'packages/elements',
  litelement: true,
  dependencies: false,
  packagejson: false,
};

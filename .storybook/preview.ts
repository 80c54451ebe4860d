// Every story gets msw (msw-storybook-addon 3, CSF3 loader). Give handlers per story with
//   parameters: { msw: [http.get('/api/...', () => HttpResponse.json(...))] }
// or { msw: { handlers: { name: [...] } } }. Handlers are reset between stories.
//
// Autodocs: each stories file names its element (`component: 'bm-…'`); the Docs page's tables of
// attributes, properties, events, slots, CSS parts and custom properties come from
// packages/elements/custom-elements.json (`npm run cem`).
import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import { mswLoader } from 'msw-storybook-addon/csf3';
import manifest from '../packages/elements/custom-elements.json';

setCustomElementsManifest(manifest);

const preview: Preview = {
  // mswLoader() starts the worker once (served at ./mockServiceWorker.js via staticDirs),
  // quietly, bypassing Storybook's own asset requests.
  loaders: [mswLoader()],
  tags: ['autodocs'],
  parameters: {
    controls: {
      matchers: {
        color: /(background|color)$/i,
        date: /Date$/i,
      },
    },
    docs: {
      toc: true,
    },
  },
};

export default preview;

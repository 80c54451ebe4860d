// Every story gets msw (msw-storybook-addon 3, CSF3 loader). Give handlers per story with
//   parameters: { msw: [http.get('/api/...', () => HttpResponse.json(...))] }
// or { msw: { handlers: { name: [...] } } }. Handlers are reset between stories.
import type { Preview } from '@storybook/web-components-vite';
import { mswLoader } from 'msw-storybook-addon/csf3';

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

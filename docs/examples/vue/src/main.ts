// Starts the embedded mock backend, registers the widgets, then mounts the Vue app. Registering
// first matters: Vue sets a binding as a property only when the element already has it
// (`'getToken' in element`), which is true once the class is defined.
import { startMockWorker } from '@bianmin/mock/browser';
import '@bianmin/elements/define/provider';
import '@bianmin/elements/define/service-menu';
import '@bianmin/elements/define/booking-form';
import '@bianmin/elements/define/booking-list';
import '@bianmin/elements/themes/light.css';
import { createApp } from 'vue';
import App from './App.vue';
import './app.css';

async function main(): Promise<void> {
  const { backend } = await startMockWorker({ serviceWorkerUrl: './mockServiceWorker.js' });
  // A real app gets the resident's token from its login; the mock accepts its demo resident's.
  const token = backend.tokens.resident;
  createApp(App, { getToken: () => token }).mount('#app');
}

void main();

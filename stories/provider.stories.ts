import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { createHandlers, createMockBackend, DEMO_RESIDENT_TOKEN } from '@bianmin/mock';
import '../packages/elements/src/define/provider.js';
import '../packages/elements/src/define/service-menu.js';
import '../packages/elements/src/define/booking-list.js';

const backend = createMockBackend();
const handlers = { msw: { handlers: { api: createHandlers(backend, { baseUrl: '/api' }) } } };

const meta: Meta = {
  title: 'Widgets/Provider',
  component: 'bm-provider',
  tags: ['autodocs'],
};
export default meta;
type Story = StoryObj;

/** A provider with a base URL and a token: the widget inside reads the compound's catalog. */
export const Configured: Story = {
  parameters: handlers,
  render: () => html`<bm-provider base-url="/api" .getToken=${() => DEMO_RESIDENT_TOKEN}>
    <bm-service-menu query="会所"></bm-service-menu>
  </bm-provider>`,
};

/** Nested providers: the inner one's locale wins for the widgets inside it. */
export const NestedEnglish: Story = {
  parameters: handlers,
  render: () => html`<bm-provider base-url="/api" locale="zh-CN">
    <bm-provider base-url="/api" locale="en"><bm-service-menu query="gym"></bm-service-menu></bm-provider>
  </bm-provider>`,
};

/** Neither base-url nor client: the provider says which is missing. */
export const MissingConfiguration: Story = {
  render: () => html`<bm-provider></bm-provider>`,
};

/** A widget placed outside any provider explains what to do instead of staying blank. */
export const WidgetWithoutProvider: Story = {
  render: () => html`<bm-service-menu></bm-service-menu>`,
};

/** A `time-zone` that is not a time zone: one warning on the console, and the widgets keep the compound's zone (booking times in Beijing time). */
export const InvalidTimeZone: Story = {
  parameters: handlers,
  beforeEach: () => backend.reset(),
  render: () => html`<bm-provider base-url="/api" locale="zh-CN" time-zone="Beijing" .getToken=${() => DEMO_RESIDENT_TOKEN}>
    <bm-booking-list scope="upcoming"></bm-booking-list>
  </bm-provider>`,
};

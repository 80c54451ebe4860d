// The demo portal: the widgets on the embedded msw backend. Every demo/*.html is a page of
// `vite build`; msw's worker is served next to the page as ./mockServiceWorker.js.
import { startMockWorker } from '@bianmin/mock/browser';
import '@bianmin/elements/define/provider';
import '@bianmin/elements/define/service-menu';
import '@bianmin/elements/define/booking-form';
import '@bianmin/elements/define/booking-list';
import '@bianmin/elements/define/loan-ledger';
import '@bianmin/elements/define/help-button';
import lightTheme from '@bianmin/elements/themes/light.css?url';
import darkTheme from '@bianmin/elements/themes/dark.css?url';

const $ = <T extends Element>(selector: string) => document.querySelector<T>(selector)!;

async function main(): Promise<void> {
  const { backend } = await startMockWorker({ persist: true, serviceWorkerUrl: './mockServiceWorker.js' });

  // Stamp the portal only now, so the widgets' first requests reach the mock with a token.
  const portal = $<HTMLTemplateElement>('#portal').content.cloneNode(true) as DocumentFragment;
  const resident = portal.querySelector('#resident') as HTMLElementTagNameMap['bm-provider'];
  const staff = portal.querySelector('#staff') as HTMLElementTagNameMap['bm-provider'];
  resident.getToken = () => backend.tokens.resident;
  staff.getToken = () => backend.tokens.staff;
  $('#root').append(portal);
  $('#boot').remove();

  resident.addEventListener('bm-provider-ready', (event) => {
    const name = event.detail.compound.name;
    $('#compound-name').textContent = `${name['zh-CN']} 便民服务`;
  });

  // A new booking shows up in "my bookings" at once.
  document.addEventListener('bm-booking-created', () => {
    void $<HTMLElementTagNameMap['bm-booking-list']>('#booking-list').refresh();
  });

  // Pages by hash.
  function route(): void {
    const page = location.hash.slice(1) || 'services';
    for (const section of document.querySelectorAll<HTMLElement>('.page')) section.hidden = section.id !== page;
    // The resident's help button belongs to the resident's pages, not the front desk's.
    $<HTMLElement>('bm-help-button').hidden = page === 'desk';
    for (const link of document.querySelectorAll('.bar nav a')) {
      if (link.getAttribute('href') === `#${page}`) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
}
addEventListener('hashchange', route);
route();

// Language, theme, scenario controls.
const locale = $<HTMLSelectElement>('#locale');
locale.value = localStorage.getItem('bianmin-demo-locale') ?? 'zh-CN';
const applyLocale = () => {
  resident.locale = staff.locale = locale.value;
  document.documentElement.lang = locale.value;
  localStorage.setItem('bianmin-demo-locale', locale.value);
};
locale.addEventListener('change', applyLocale);
applyLocale();

const themeLink = document.createElement('link');
themeLink.rel = 'stylesheet';
document.head.append(themeLink);
const theme = $<HTMLSelectElement>('#theme');
theme.value = localStorage.getItem('bianmin-demo-theme') ?? 'light';
const applyTheme = () => {
  themeLink.href = theme.value === 'dark' ? darkTheme : lightTheme;
  localStorage.setItem('bianmin-demo-theme', theme.value);
};
theme.addEventListener('change', applyTheme);
applyTheme();

const offline = $<HTMLInputElement>('#offline');
offline.addEventListener('change', () => {
  backend.scenario.offline = offline.checked;
});
// The backend runs inside the page, so the browser going offline (or DevTools' "Offline") would not
// reach it: follow the browser too, as a real server would be out of reach.
const followBrowser = () => {
  offline.checked = backend.scenario.offline = !navigator.onLine;
};
addEventListener('offline', followBrowser);
addEventListener('online', followBrowser);
$('#reset').addEventListener('click', () => {
  backend.reset();
  location.reload();
});
}

main().catch((error: unknown) => {
  const notice = document.querySelector('#boot') ?? document.body.appendChild(document.createElement('p'));
  notice.className = 'notice';
  notice.textContent = `演示出错 The demo failed: ${String(error)}`;
});

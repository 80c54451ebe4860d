// Smoke test of the browser test tooling itself: Lit with legacy decorators compiled by
// esbuild, @open-wc/testing fixtures, the axe helper (passes and fails), and msw.
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement, css } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { http, HttpResponse } from 'msw';
import { expectAccessible } from './helpers/axe.js';
import { useMsw } from './helpers/msw.js';

@customElement('bm-smoke-greeting')
class SmokeGreeting extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
  `;

  @property() name = 'world';

  @property({ type: Number, reflect: true }) count = 0;

  override render() {
    return html`<p>Hello, <span id="name">${this.name}</span>! (${this.count})</p>
      <button type="button" @click=${() => this.count++}>Add one</button>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bm-smoke-greeting': SmokeGreeting;
  }
}

describe('tooling smoke test', () => {
  const msw = useMsw(http.get('/api/ping', () => HttpResponse.json({ pong: true })));

  it('compiles legacy decorators: @customElement registers, @property is reactive', async () => {
    expect(customElements.get('bm-smoke-greeting')).to.equal(SmokeGreeting);
    const el = await fixture<SmokeGreeting>(html`<bm-smoke-greeting name="Bianmin"></bm-smoke-greeting>`);
    expect(el).to.be.instanceOf(SmokeGreeting);
    expect(el.shadowRoot!.querySelector('#name')!.textContent).to.equal('Bianmin');
    el.shadowRoot!.querySelector('button')!.click();
    await el.updateComplete;
    expect(el.count).to.equal(1);
    expect(el.getAttribute('count')).to.equal('1');
    // with useDefineForClassFields:false, fields are not own data properties shadowing the accessors
    expect(Object.prototype.hasOwnProperty.call(el, 'name')).to.equal(false);
  });

  it('expectAccessible passes on an accessible element', async () => {
    const el = await fixture(html`<bm-smoke-greeting></bm-smoke-greeting>`);
    await expectAccessible(el);
  });

  it('expectAccessible fails on an inaccessible snippet and names the rule', async () => {
    const el = await fixture(html`<div><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" /></div>`);
    let error: unknown;
    try {
      await expectAccessible(el);
    } catch (e) {
      error = e;
    }
    expect(error, 'axe should have reported a violation').to.be.instanceOf(Error);
    expect((error as Error).message).to.contain('image-alt');
    expect((error as Error).message).to.contain('img');
  });

  it('msw intercepts fetch to /api/ping', async () => {
    const res = await fetch('/api/ping');
    expect(res.status).to.equal(200);
    expect(await res.json()).to.deep.equal({ pong: true });
  });

  it('msw per-test handlers override and are reset afterwards', async () => {
    msw.use(http.get('/api/ping', () => HttpResponse.json({ pong: 'override' }, { status: 418 })));
    const res = await fetch('/api/ping');
    expect(res.status).to.equal(418);
  });

  it('msw reset restored the initial handler', async () => {
    const res = await fetch('/api/ping');
    expect(await res.json()).to.deep.equal({ pong: true });
  });

  it('msw fails requests no handler matches (onUnhandledRequest: error)', async () => {
    // msw 2.x turns the "error" strategy into a rejected fetch or a 500 response (and a console error)
    let status: number | 'rejected';
    try {
      status = (await fetch('/api/nobody-mocked-this')).status;
    } catch {
      status = 'rejected';
    }
    expect(status === 'rejected' || status === 500, `got ${status}`).to.equal(true);
  });
});

// Its own file, so its page starts with no language loaded: a deep link into a view loaded on
// demand, on an English host page, must show that view in English from its first render.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { bootstrap, jsonResponse, site, stubFetch } from '../../../test/fetch-stub.js';
import { textOf } from '../../../test/dom.js';
import { defineElements } from '../../define-elements.js';

const SITE = 'gemeente-voorbeeldstad';
const hostUrl = location.href;

defineElements();

describe('buurt-plein opened by a deep link on an English page', () => {
  it('shows the sign-in view in English', async () => {
    document.documentElement.lang = 'en';
    const url = new URL(hostUrl);
    url.searchParams.set('buurt', 'inloggen');
    history.replaceState(null, '', url);
    const fetchStub = stubFetch((request) => {
      if (request.pathname.endsWith('/bootstrap')) return jsonResponse(bootstrap([]));
      return jsonResponse(site({ neighbourhoods: [] }));
    });
    try {
      const wrapper = await fixture<HTMLElement>(html`<div><buurt-plein site=${SITE} api="https://api.buurtplein.test"></buurt-plein></div>`);
      const el = wrapper.querySelector('buurt-plein')!;
      await customElements.whenDefined('buurt-sign-in');
      const signIn = () => el.shadowRoot!.querySelector('buurt-sign-in');
      await waitUntil(() => signIn()?.shadowRoot?.querySelector('label'), 'no sign-in form');
      await signIn()!.updateComplete;

      expect(textOf(signIn()!.shadowRoot!.querySelector('label'))).to.equal('E-mail address');
    } finally {
      fetchStub.restore();
      history.replaceState(null, '', hostUrl);
      document.documentElement.removeAttribute('lang');
    }
  });
});

import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { initiativeDetail, jsonResponse, problemResponse, stubFetch } from '../test/fetch-stub.js';
import { defineElements } from './define-elements.js';

const SITE = 'gemeente-voorbeeldstad';
const API = 'https://api.buurtplein.test';

function chunkRequests(): string[] {
  return performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name).pathname)
    .filter((path) => /buurt-(plein|initiative)\/buurt-(plein|initiative)\.ts$/.test(path));
}

describe('defineElements', () => {
  it('defines the list at once and loads <buurt-initiative> and <buurt-plein> only when the page holds one', async () => {
    const stub = stubFetch((url) => (url.pathname.includes('/initiatives/') ? jsonResponse(initiativeDetail()) : problemResponse('not-found', 404)));
    try {
      defineElements();
      defineElements();
      expect(customElements.get('buurt-initiatives')).to.not.equal(undefined);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(customElements.get('buurt-initiative')).to.equal(undefined);
      expect(customElements.get('buurt-plein')).to.equal(undefined);
      expect(chunkRequests()).to.deep.equal([]);

      const wrapper = await fixture(html`<div><buurt-initiative site=${SITE} api=${API} initiative="init000000000001"></buurt-initiative></div>`);
      await customElements.whenDefined('buurt-initiative');
      expect(customElements.get('buurt-plein')).to.equal(undefined);

      wrapper.append(document.createElement('buurt-plein'));
      await customElements.whenDefined('buurt-plein');
      await waitUntil(() => wrapper.querySelector('buurt-initiative')!.shadowRoot?.querySelector('[part="owner"]'), 'initiative not shown');
      await expect(wrapper).to.be.accessible();
    } finally {
      stub.restore();
    }
  });
});

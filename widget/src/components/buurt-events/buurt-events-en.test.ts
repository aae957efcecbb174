// Its own file, so its page starts in Dutch and switches once: the meetings on an English page.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { Event as Meeting } from '@buurtplein/sdk/contract';
import { freshApi, jsonResponse, stubFetch } from '../../../test/fetch-stub.js';
import { settle, textOf } from '../../../test/dom.js';
import { defineElements } from '../../define-elements.js';
import { loadElement } from '../../element-chunks.js';
import type { BuurtEvents } from './buurt-events.js';

const SITE = 'events-en-test';

defineElements();
await loadElement('buurt-events');

const inloopavond: Meeting = {
  id: 'evnt000000000101',
  title: 'Inloopavond: een autovrije zondag?',
  description: '',
  startsAt: '2026-12-10T18:00:00.000Z',
  endsAt: null,
  location: 'Buurthuis Havenkwartier',
  onlineUrl: null,
  capacity: null,
  attendeeCount: 1,
  neighbourhood: { id: 'nbhd000000000002', name: 'Havenkwartier' },
  initiative: null,
  organiser: { id: 'user000000000011', displayName: 'Lotte Visser' },
  report: null,
  createdAt: '2026-11-19T18:00:00.000Z',
};

describe('buurt-events on an English page', () => {
  it('says everything in English, with the time in Dutch time written the English way', async () => {
    const stub = stubFetch(() => jsonResponse({ data: [inloopavond], nextCursor: null }));
    try {
      const el = await fixture<BuurtEvents>(html`<buurt-events lang="en-GB" site=${SITE} api=${freshApi(SITE)}></buurt-events>`);
      await waitUntil(() => textOf(el.shadowRoot!.querySelector('[part="initiative"]')) === 'Neighbourhood meeting in Havenkwartier', 'not in English');
      await settle(el);
      expect(textOf(el.shadowRoot!.querySelector('[part="when"]'))).to.equal('Thursday, 10 December 2026 at 19:00');
      expect(textOf(el.shadowRoot!.querySelector('[part="attendees"]'))).to.equal('1 person coming');
      expect(textOf(el.shadowRoot!.querySelector('.sign-in p'))).to.equal('Sign in to let people know whether you are coming.');
      await expect(el).to.be.accessible();
    } finally {
      stub.restore();
    }
  });
});

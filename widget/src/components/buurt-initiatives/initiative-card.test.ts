import { expect } from '@open-wc/testing';
import { initiative } from '../../../test/fetch-stub.js';
import { initiativeCard } from './initiative-card.js';

const text = (node: Element | null) => node?.textContent?.replace(/\s+/g, ' ').trim();

describe('initiativeCard', () => {
  it('shows title, status, neighbourhood, summary and supporters, with the title linking to the initiative on this page', () => {
    const shown = initiative({ id: 'init000000000777', title: 'Buurtmoestuin', status: 'active', supporterCount: 1234 });
    const card = initiativeCard(shown, 'nl');

    expect(card.getAttribute('part')).to.equal('card');
    const link = card.querySelector<HTMLAnchorElement>('[part="title"] a[part="link"]')!;
    expect(link.textContent).to.equal('Buurtmoestuin');
    expect(new URL(link.href).searchParams.get('buurt')).to.equal('initiatief/init000000000777');
    expect(text(card.querySelector('[part~="status"]'))).to.equal('Status: Actief');
    expect(card.querySelector('[part~="status"]')!.getAttribute('part')).to.equal('status status-active');
    expect(text(card.querySelector('[part="neighbourhood"]'))).to.equal('Buurt: Lombok');
    expect(text(card.querySelector('[part="summary"]'))).to.equal('Samen tegels eruit en planten erin.');
    expect(text(card.querySelector('[part="supporters"]'))).to.equal('1.234 buren steunen dit');
  });

  it('is built once per initiative and language, and its link follows the page’s address', () => {
    const shown = initiative();
    const card = initiativeCard(shown, 'nl');
    history.replaceState(null, '', '?pagina=2');
    try {
      expect(initiativeCard(shown, 'nl')).to.equal(card);
      const url = new URL(card.querySelector('a')!.href);
      expect(url.searchParams.get('pagina')).to.equal('2');
      expect(url.searchParams.get('buurt')).to.equal(`initiatief/${shown.id}`);
      // Numbers in another format make another card.
      expect(initiativeCard(shown, 'en-GB')).not.to.equal(card);
    } finally {
      history.replaceState(null, '', location.pathname);
    }
  });

  it('shows a resident’s text as text, never as HTML', () => {
    const card = initiativeCard(initiative({ title: '<img src=x onerror="alert(1)">', summary: '<b>vet</b>' }), 'nl');

    expect(card.querySelector('img, b')).to.equal(null);
    expect(card.querySelector('a')!.textContent).to.equal('<img src=x onerror="alert(1)">');
    expect(card.querySelector('[part="summary"]')!.textContent).to.equal('<b>vet</b>');
  });
});

import { fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import type { BuurtInitiatives } from '../src/components/buurt-initiatives/buurt-initiatives.js';
import type { BuurtPlein } from '../src/components/buurt-plein/buurt-plein.js';

/** Puts `template` (holding one `<buurt-plein>`) on the page and returns the plein once its chunk defined it and it rendered. */
export async function mountPlein(template: TemplateResult): Promise<BuurtPlein> {
  const wrapper = await fixture<HTMLElement>(html`<div>${template}</div>`);
  // <buurt-plein> is defined from its own chunk.
  await customElements.whenDefined('buurt-plein');
  const el = wrapper.querySelector('buurt-plein')!;
  await el.updateComplete;
  return el;
}

/** The list inside the plein. */
export function pleinList(el: BuurtPlein): BuurtInitiatives {
  return el.shadowRoot!.querySelector('buurt-initiatives')!;
}

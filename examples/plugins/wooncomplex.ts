/**
 * Shows a housing corporation's complexes in the initiative's neighbourhood under each
 * initiative: name, address, homes, year built and the caretaker. The complexes come from a small
 * JSON file the corporation's site provides; a complex belongs to the neighbourhood whose id or
 * name it gives. Served as `/plugins/wooncomplex.js`.
 *
 * @example
 * import('/plugins/wooncomplex.js').then((m) => Buurtplein('use', m.wooncomplexPlugin({ source: '/woonstichting-voorbeeld/wooncomplexen.json' })));
 */
import { definePlugin, type PluginViewContext } from '@buurtplein/sdk/embed';

/** One housing complex, as the corporation's JSON file describes it. */
export interface Wooncomplex {
  name: string;
  /** The Buurtplein neighbourhood it lies in, by id or by name. */
  neighbourhood: string;
  address: string;
  homes: number;
  built: number;
  caretaker?: { name: string; hours?: string };
}

function isWooncomplex(value: unknown): value is Wooncomplex {
  const complex = value as Partial<Wooncomplex> | null;
  return typeof complex?.name === 'string' && typeof complex.neighbourhood === 'string' && typeof complex.address === 'string' && typeof complex.homes === 'number' && typeof complex.built === 'number';
}

/** An element holding `children`, strings as text: the corporation's data is never read as HTML. */
function element(tag: string, ...children: (string | Node)[]): HTMLElement {
  const node = document.createElement(tag);
  for (const child of children) node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  return node;
}

function complexItem(complex: Wooncomplex, t: PluginViewContext['t']): HTMLElement {
  const facts = ` — ${complex.address} · ${complex.homes} ${t('woningen')} · ${t('bouwjaar')} ${complex.built}`;
  if (!complex.caretaker) return element('li', element('strong', complex.name), facts);
  const caretaker = `${t('Huismeester')}: ${complex.caretaker.name}${complex.caretaker.hours ? ` (${complex.caretaker.hours})` : ''}`;
  return element('li', element('strong', complex.name), facts, element('br'), caretaker);
}

/** The plugin, reading the complexes from `source` (a URL on the corporation's site). */
export function wooncomplexPlugin({ source }: { source: string }) {
  return definePlugin({
    name: 'wooncomplex',
    version: '1.0.0',
    async setup(api) {
      const response = await fetch(source);
      if (!response.ok) throw new Error(`[wooncomplex] ${source}: HTTP ${response.status}`);
      const complexes = ((await response.json()) as unknown[]).filter(isWooncomplex);
      api.addTranslations('en', {
        'Wooncomplexen in deze buurt': 'Housing complexes in this neighbourhood',
        woningen: 'homes',
        bouwjaar: 'built',
        Huismeester: 'Caretaker',
      });
      api.addSection({
        id: 'wooncomplexen',
        title: 'Wooncomplexen in deze buurt',
        render: ({ initiative, t }) => {
          const { id, name } = initiative.neighbourhood;
          const here = complexes.filter((c) => c.neighbourhood === id || c.neighbourhood.toLowerCase() === name.toLowerCase());
          if (here.length === 0) return null;
          return element('ul', ...here.map((complex) => complexItem(complex, t)));
        },
      });
    },
  });
}

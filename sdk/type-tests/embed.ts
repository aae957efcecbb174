/**
 * A host developer's embed code, compiled by `npm run typecheck` (tsc -p sdk/type-tests) and never
 * run. It proves through `@buurtplein/sdk/embed` that events, views and plugins are typed: each
 * `@ts-expect-error` fails the build if its line compiles.
 */
import { definePlugin, isEmbedError, load, type BuurtpleinCommand, type EmbedErrorCode } from '@buurtplein/sdk/embed';

declare const Buurtplein: BuurtpleinCommand;

export async function embed(): Promise<void> {
  const buurtplein = await load({ site: 'woonstichting-voorbeeld', api: 'https://buurtplein.example' });

  // Event handlers get the event's own detail.
  const off: () => void = buurtplein.on('buurt-initiative-selected', (event) => {
    const id: string = event.detail.id;
    event.preventDefault();
    return id;
  });
  off();
  buurtplein.on('buurt-initiative-supported', (event) => event.detail.supporterCount.toFixed());
  Buurtplein('on', 'buurt-offer-accepted', (event) => event.detail.offerId.toUpperCase());
  // @ts-expect-error: no such event
  buurtplein.on('buurt-initiative-clicked', () => {});
  // @ts-expect-error: the selected event's detail has an id, no title
  buurtplein.on('buurt-initiative-selected', (event) => event.detail.title);
  // @ts-expect-error: no such event through the stub either
  Buurtplein('on', 'initiative-selected', () => {});

  // Views and their options.
  const element: HTMLElement = await buurtplein.mount('#buurt', 'initiative', { initiative: 'init000000000001' });
  await buurtplein.mount(element, 'plein', { neighbourhood: 'BU05990102', status: 'active' });
  await buurtplein.mount('#buurt', 'sign-in');
  // @ts-expect-error: an initiative view needs the initiative's id
  await buurtplein.mount('#buurt', 'initiative');
  // @ts-expect-error: not a view
  await buurtplein.mount('#buurt', 'petitions');
  // @ts-expect-error: not a status an initiative can have
  await buurtplein.mount('#buurt', 'initiatives', { status: 'finished' });
  await buurtplein.setContext({ neighbourhood: null });

  // Plugins.
  const plugin = definePlugin({
    name: 'huismeester',
    version: '1.0.0',
    setup(api) {
      const version: 1 = api.version;
      api.on('buurt-initiative-created', (event) => event.detail.initiative.title);
      api.addSection({ id: 'tekst', title: 'Huismeester', render: ({ initiative, t }) => `${t('Huismeester')}: ${initiative.neighbourhood.name} ${version}` });
      api.addSection({ id: 'dom', render: () => document.createElement('p') });
      api.addAction({ id: 'bellen', label: 'Bel de huismeester', onSelect: ({ initiative }) => void initiative.id });
      api.addTranslations('en', { Huismeester: 'Caretaker' });
      api.setTheme({ '--buurt-color-primary': '#0b6e4f' });
    },
  });
  await buurtplein.use(plugin);
  Buurtplein('use', plugin);
  // @ts-expect-error: a plugin needs setup(api)
  definePlugin({ name: 'zonder-setup' });
  // @ts-expect-error: a section renders text or DOM, not a number
  definePlugin({ name: 'getal', setup: (api) => api.addSection({ id: 'getal', render: () => 42 }) });
  // @ts-expect-error: an action needs a label
  definePlugin({ name: 'zonder-label', setup: (api) => api.addAction({ id: 'x', onSelect() {} }) });
  // @ts-expect-error: theme tokens are --buurt-* custom properties
  definePlugin({ name: 'kleur', setup: (api) => api.setTheme({ color: 'red' }) });
  // @ts-expect-error: the widget speaks Dutch and English
  definePlugin({ name: 'duits', setup: (api) => api.addTranslations('de', {}) });
  // @ts-expect-error: use() takes a plugin, not its name
  await buurtplein.use('huismeester');
  // @ts-expect-error: not a method of the embed API
  Buurtplein('destroy');

  try {
    await buurtplein.ready({ timeout: 5000 });
  } catch (error) {
    if (isEmbedError(error)) {
      const code: EmbedErrorCode = error.code;
      // @ts-expect-error: not an embed error code
      if (error.code === 'timeout') console.log(code);
    }
  }
}

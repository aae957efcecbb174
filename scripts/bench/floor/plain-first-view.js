// The other floor: the first view with no framework at all. A classic script that fetches the same
// first view and shows its first six cards as plain DOM in a shadow root with a small stylesheet:
// what any widget that shows this data above the fold costs a page, whatever it is built with.
(() => {
  const host = document.querySelector('plain-first-view');
  const root = host.attachShadow({ mode: 'open' });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(
    ':host{display:block;font-family:system-ui,sans-serif;line-height:1.5}' +
      '.list{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,17rem),1fr));gap:1rem;margin:0;padding:0;list-style:none}' +
      '.card{display:flex;flex-direction:column;gap:.5rem;padding:1rem;border:1px solid #b4b4b4;border-radius:.5rem}' +
      'h3,p{margin:0}.summary{display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:3;overflow:hidden}',
  );
  root.adoptedStyleSheets = [sheet];
  const element = (tag, className, text) => Object.assign(document.createElement(tag), { className, textContent: text });
  const site = document.currentScript.dataset.site;
  fetch(`/v1/sites/${site}/bootstrap`)
    .then((response) => response.json())
    .then((bootstrap) => {
      const list = element('ul', 'list', '');
      for (const initiative of bootstrap.initiatives.data.slice(0, 6)) {
        const title = element('h3', 'title', '');
        title.append(Object.assign(element('a', '', initiative.title), { href: `?buurt=initiatief/${initiative.id}` }));
        const card = element('li', 'card', '');
        card.append(title, element('p', 'summary', initiative.summary), element('p', '', `${initiative.supporterCount} buren steunen dit`));
        list.append(card);
      }
      root.append(list);
    });
})();

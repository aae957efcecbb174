// Buurtplein for developers (README "Voor ontwikkelaars"): the copy-paste stub, then the
// corporation's two plugins. A plain script above the async script tag, so it runs first: these
// calls wait in the stub's queue, and buurtplein.js replays them in order when it runs.
window.Buurtplein = window.Buurtplein || function () { (window.Buurtplein.q = window.Buurtplein.q || []).push(arguments); };

// The page's analytics: a tag manager would read this array; the analytics plugin fills it.
window.dataLayer = window.dataLayer || [];

Promise.all([import('/plugins/analytics.js'), import('/plugins/wooncomplex.js')]).then(([analytics, wooncomplex]) => {
  Buurtplein('use', analytics.default);
  Buurtplein('use', wooncomplex.wooncomplexPlugin({ source: '/woonstichting-voorbeeld/wooncomplexen.json' }));
});

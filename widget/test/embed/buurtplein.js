// Stands in for the built script tag in load()'s tests: it keeps the script tag's contract (reads
// data-site and data-api, publishes window.Buurtplein with a version, ready() resolves with it).
(function () {
  var script = document.currentScript;
  var global = {
    version: '0.0.0-test',
    site: script.dataset.site,
    api: script.dataset.api,
    readyCalls: [],
    ready: function (options) {
      global.readyCalls.push(options);
      return Promise.resolve(global);
    },
  };
  window.Buurtplein = global;
})();

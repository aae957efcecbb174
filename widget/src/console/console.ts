/**
 * The console page's module (`buurtplein-console.js`): registers the console's elements and
 * applies `?site=` and `?lang=` from the address. Host pages never load it.
 */
import { defineConsoleElements } from './define-console-elements.js';

const params = new URLSearchParams(location.search);
const lang = params.get('lang');
if (lang) document.documentElement.lang = lang;
const site = params.get('site');
const consoleElement = document.querySelector('buurt-console');
if (site && consoleElement) consoleElement.setAttribute('site', site);

defineConsoleElements();

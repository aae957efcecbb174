/** The elements module (`buurtplein.elements.js`), loaded by the script tag: registers every element. */
import { defineElements } from './define-elements.js';
import { takeOverHostCalls } from './host-calls.js';

// `ready()` resolves once the list is defined: it may wait for the first view's answer (see defineElements).
if (window.Buurtplein) takeOverHostCalls(window.Buurtplein, customElements.whenDefined('buurt-initiatives'));
defineElements();

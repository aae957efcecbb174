/** The elements module (`buurtplein.elements.js`), loaded by the script tag: registers every element. */
import { defineElements } from './define-elements.js';
import { takeOverHostCalls } from './host-calls.js';

if (window.Buurtplein) takeOverHostCalls(window.Buurtplein);
defineElements();

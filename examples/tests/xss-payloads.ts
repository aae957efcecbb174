// Known cross-site scripting payloads and generated mixes of markup, for the test that stores them
// as residents' text and shows them in every element. Each payload that runs calls
// `__xss.push(n)` or `alert(n)`, so a page that executes one says which.
import fc from 'fast-check';

/** The payloads a person would try, from the usual cheat sheets; each at most 120 characters. */
export const KNOWN_PAYLOADS: readonly string[] = [
  '<script>__xss.push(1)</script>',
  '<img src=x onerror="__xss.push(2)">',
  '<svg onload=__xss.push(3)>',
  '<svg><script>__xss.push(4)</script></svg>',
  '<iframe srcdoc="<script>parent.__xss.push(5)</script>"></iframe>',
  '<iframe src="javascript:parent.__xss.push(6)"></iframe>',
  '<a href="javascript:__xss.push(7)">klik hier</a>',
  '[klik](javascript:__xss.push(8))',
  '[x](javascript:alert(9))',
  '"><img src=x onerror=__xss.push(10)>',
  "'><svg onload=__xss.push(11)>",
  '" autofocus onfocus="__xss.push(12)',
  "' onmouseover='__xss.push(13)' x='",
  '</textarea><script>__xss.push(14)</script>',
  '</title><script>__xss.push(15)</script>',
  '</style><img src=x onerror=__xss.push(16)>',
  '<style>@import "javascript:__xss.push(17)";</style>',
  '<div style="width:expression(__xss.push(18))">css</div>',
  '<div style="background:url(javascript:__xss.push(19))">bg</div>',
  '${__xss.push(20)}',
  '`${alert(21)}`',
  '{{constructor.constructor("__xss.push(22)")()}}',
  '<body onload=__xss.push(23)>',
  '<details open ontoggle=__xss.push(24)>',
  '<input autofocus onfocus=__xss.push(25)>',
  '<video><source onerror="__xss.push(26)"></video>',
  '<object data="javascript:__xss.push(27)"></object>',
  '<embed src="data:text/html,<script>parent.__xss.push(28)</script>">',
  '<math><mtext><table><mglyph><style><img src=x onerror=__xss.push(29)>',
  '<noscript><p title="</noscript><img src=x onerror=__xss.push(30)>">',
  '<svg><style><img src=x onerror=__xss.push(31)></style></svg>',
  '<form><button formaction=javascript:__xss.push(32)>X</button></form>',
  '&lt;img src=x onerror=__xss.push(33)&gt;',
  '&#60;script&#62;__xss.push(34)&#60;/script&#62;',
  '<a href="&#106;avascript:__xss.push(35)">entity</a>',
  '<a href="jav&#x09;ascript:__xss.push(36)">tab</a>',
  'Veilig \u202Egnp.exe\u202C bestand <b>vet</b>',
  'Zero\u200Bwidth <img\u200Bsrc=x onerror=__xss.push(38)>',
  '\uFF1Cscript\uFF1E__xss.push(39)\uFF1C/script\uFF1E',
  '<!--<img src="--><img src=x onerror=__xss.push(40)//">',
  '<![CDATA[<script>__xss.push(41)</script>]]>',
  '<base href="javascript:__xss.push(42)//">',
  '<meta http-equiv="refresh" content="0;url=javascript:__xss.push(43)">',
  '<link rel=stylesheet href="javascript:__xss.push(44)">',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCg0NSk8L3NjcmlwdD4=',
  '<a href=//evil.example/xss>protocol-relatief</a>',
];

/** Pieces of markup, quotes and scripts that the generated payloads mix. */
const FRAGMENTS = [
  '<', '>', '"', "'", '`', '${', '}', '</', '/>', '=', ' ', '<img', '<svg', '<script>', '</script>', '<iframe', '<a',
  ' src=x', ' onerror=', ' onload=', ' href=', ' srcdoc=', 'javascript:', '__xss.push(900)', 'alert(901)', '&lt;',
  '&#x3C;', '&quot;', '<!--', '-->', ']]>', '\u202E', '\u200B', '<style>', '</textarea>', '<math>', '<template>', 'buurt',
];

/**
 * Strings built from random runs of `FRAGMENTS`, reproducible by `seed`: 3 to 80 characters after
 * trimming, as every text field of the API takes them.
 */
export function generatedPayloads(count: number, seed = 20261128): string[] {
  const arbitrary = fc
    .string({ unit: fc.constantFrom(...FRAGMENTS), minLength: 3, maxLength: 14 })
    .map((s) => s.trim())
    .filter((s) => s.length >= 3 && s.length <= 80);
  return [...new Set(fc.sample(arbitrary, { seed, numRuns: count * 2 }))].slice(0, count);
}

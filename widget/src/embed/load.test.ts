import { expect } from '@open-wc/testing';
import { isEmbedError, load } from '@buurtplein/sdk/embed';

/** Where the stand-in for the built script tag is served from (widget/test/embed/buurtplein.js). */
const API = `${location.origin}/widget/test/embed`;

function scriptTags(src: string): HTMLScriptElement[] {
  return [...document.querySelectorAll<HTMLScriptElement>('script')].filter((script) => script.src === src);
}

describe('load() from @buurtplein/sdk/embed', () => {
  it('rejects with script-load-failed when the script cannot be loaded, and tries again on the next call', async () => {
    const missing = `${location.origin}/widget/test/nowhere`;
    const first = load({ site: 'woonstichting-voorbeeld', api: missing });
    expect(load({ site: 'woonstichting-voorbeeld', api: missing })).to.equal(first);
    const error = await first.catch((reason: unknown) => reason);
    expect(isEmbedError(error) && error.code).to.equal('script-load-failed');
    expect((error as Error).message).to.contain(`${missing}/buurtplein.js`);
    expect(scriptTags(`${missing}/buurtplein.js`)).to.have.length(1);

    const retry = load({ site: 'woonstichting-voorbeeld', api: missing });
    expect(retry).to.not.equal(first);
    await retry.catch(() => {});
    expect(scriptTags(`${missing}/buurtplein.js`)).to.have.length(2);
  });

  it('adds the script tag once, however often it is called, and resolves with the ready global', async () => {
    const first = load({ site: 'woonstichting-voorbeeld', api: API, timeout: 5000 });
    const second = load({ site: 'woonstichting-voorbeeld', api: API });
    expect(second).to.equal(first);

    const buurtplein = await first;
    expect(await second).to.equal(buurtplein);
    expect(buurtplein.site).to.equal('woonstichting-voorbeeld');
    expect(buurtplein.api).to.equal(API);
    expect((buurtplein as unknown as { readyCalls: unknown[] }).readyCalls).to.deep.equal([{ timeout: 5000 }]);
    const [tag] = scriptTags(`${API}/buurtplein.js`);
    expect(scriptTags(`${API}/buurtplein.js`)).to.have.length(1);
    expect(tag!.async).to.equal(true);
    expect(tag!.dataset.site).to.equal('woonstichting-voorbeeld');

    // Once the script ran, a later call answers the same promise without another tag.
    expect(load({ site: 'woonstichting-voorbeeld', api: API })).to.equal(first);
    expect(scriptTags(`${API}/buurtplein.js`)).to.have.length(1);
  });
});

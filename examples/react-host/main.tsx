// A React host: the list and one initiative of site gemeente-voorbeeldstad through the React
// components of @buurtplein/widget/react. Choosing an initiative in the list is React state here,
// not a page load: the handler cancels the list's link and keeps the id.
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { BuurtInitiative, BuurtInitiatives } from '@buurtplein/widget/react';

/** The site key; the API is this page's own origin, which the demo sites accept in development. */
const SITE = 'gemeente-voorbeeldstad';

function App() {
  const [chosen, setChosen] = useState<string | null>(null);
  const [times, setTimes] = useState(0);

  return (
    <main className="page" id="inhoud">
      <h1>Buurtplein in een React-app</h1>
      <p className="lead">
        Deze pagina is een React-app. De lijst en het initiatief zijn de Buurtplein-elementen, via
        <code> @buurtplein/widget/react</code>; wat u kiest, bewaart React zelf.
      </p>
      <div className="columns">
        <section aria-labelledby="lijst-titel">
          <h2 id="lijst-titel">Initiatieven</h2>
          <BuurtInitiatives
            site={SITE}
            limit={6}
            onInitiativeSelected={(event) => {
              // The link would load this page again with ?buurt=…; React shows the choice instead.
              event.preventDefault();
              setChosen(event.detail.id);
              setTimes((n) => n + 1);
            }}
          />
        </section>
        <section aria-labelledby="gekozen-titel" className="chosen">
          <h2 id="gekozen-titel">Gekozen in React</h2>
          {chosen ? (
            <>
              <p data-testid="react-detail">
                Initiatief <code>{chosen}</code> — keuze {times} in deze app.{' '}
                <button type="button" onClick={() => setChosen(null)}>
                  Sluiten
                </button>
              </p>
              <BuurtInitiative site={SITE} initiative={chosen} />
            </>
          ) : (
            <p>Kies een initiatief in de lijst.</p>
          )}
        </section>
      </div>
    </main>
  );
}

createRoot(document.getElementById('app')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

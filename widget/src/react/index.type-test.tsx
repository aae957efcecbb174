/**
 * A React host's code, compiled by `npm run typecheck` (tsc -p widget) and never run. It proves
 * that the React components take the elements' properties with their types and hand event
 * handlers a typed detail: each `@ts-expect-error` fails the build if its line compiles.
 */
import type { Me } from '@buurtplein/sdk/contract';
import { BuurtInitiative, BuurtInitiatives, BuurtPlein, BuurtSignIn, BuurtStartInitiative } from './index.js';

declare function show(id: string): void;
declare function greet(user: Me): void;

export const host = (
  <>
    <BuurtInitiatives
      site="gemeente-voorbeeldstad"
      neighbourhood="BU05990101"
      status="gathering"
      limit={6}
      lang="en"
      className="initiatives"
      onInitiativeSelected={(event) => {
        event.preventDefault();
        show(event.detail.id);
        // @ts-expect-error the detail of buurt-initiative-selected has no title
        show(event.detail.title);
      }}
    />
    <BuurtPlein site="gemeente-voorbeeldstad" onUserSignedIn={(event) => greet(event.detail.user)} />
    <BuurtInitiative site="gemeente-voorbeeldstad" initiative="init000000000001" />
    <BuurtStartInitiative onInitiativeCreated={(event) => show(event.detail.initiative.id)} />
    <BuurtSignIn api="https://api.buurtplein.example" />

    {/* @ts-expect-error limit is a number */}
    <BuurtInitiatives limit="6" />
    {/* @ts-expect-error there is no such property */}
    <BuurtInitiatives neighborhood="BU05990101" />
    {/* @ts-expect-error the list fires no buurt-user-signed-in of its own */}
    <BuurtInitiatives onUserSignedIn={() => {}} />
    {/* @ts-expect-error an initiative is shown by its id */}
    <BuurtInitiative initiative={42} />
  </>
);

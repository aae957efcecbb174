import type { InitiativeNeed, InitiativeStatus, InitiativeTheme } from '@buurtplein/sdk/contract';

/**
 * The demo world of `npm start` and the tests: network Voorbeeldstad with a municipality's
 * and a housing corporation's site that share neighbourhoods, and network Andersdorp to prove
 * that networks never mix. Keys are stable names; `seed.ts` turns them into ids.
 */

export interface DemoInitiative {
  key: string;
  neighbourhood: string;
  owner: string;
  title: string;
  summary: string;
  body: string;
  status: InitiativeStatus;
  themes: InitiativeTheme[];
  needs: InitiativeNeed[];
  supporters: number;
  members: number;
  /** Days before the seed's reference date that the initiative was started. */
  ageDays: number;
}

export interface DemoNetwork {
  key: string;
  name: string;
  organisations: {
    key: string;
    name: string;
    kind: 'municipality' | 'housing_corporation' | 'welfare' | 'other';
    /** Verified e-mail domains: signing in by code with one makes the user a professional there. */
    domains?: string[];
  }[];
  neighbourhoods: { key: string; name: string; cbsCode: string | null; postcodes: string[] }[];
  sites: {
    key: string;
    name: string;
    organisation: string;
    allowedOrigins: string[];
    theme: Record<string, string>;
    neighbourhoods: string[];
  }[];
  /**
   * Every user can sign in: by e-mail code with `email`, and on each site of the network by SSO
   * with the user's key as `sub` (a dev token signed with the site's dev secret, kid `dev`).
   */
  users: {
    key: string;
    displayName: string;
    email: string;
    neighbourhood: string;
    organisation?: string;
    professional?: boolean;
    moderator?: boolean;
    networkAdmin?: boolean;
  }[];
  initiatives: DemoInitiative[];
}

/** The reference date of the demo data: 1 November 2026, 12:00 UTC. */
export const DEMO_EPOCH = Date.UTC(2026, 10, 1, 12, 0, 0);

export const demoNetworks: DemoNetwork[] = [
  {
    key: 'voorbeeldstad',
    name: 'Voorbeeldstad',
    organisations: [
      { key: 'gemeente', name: 'Gemeente Voorbeeldstad', kind: 'municipality', domains: ['voorbeeldstad.nl'] },
      { key: 'woonstichting', name: 'Woonstichting Voorbeeld', kind: 'housing_corporation', domains: ['woonstichting-voorbeeld.nl'] },
      { key: 'welzijn', name: 'Welzijn Voorbeeldstad', kind: 'welfare' },
    ],
    neighbourhoods: [
      { key: 'bloemenbuurt', name: 'Bloemenbuurt', cbsCode: 'BU05990101', postcodes: ['3011', '3012'] },
      { key: 'havenkwartier', name: 'Havenkwartier', cbsCode: 'BU05990102', postcodes: ['3013'] },
      { key: 'de-akkers', name: 'De Akkers', cbsCode: 'BU05990103', postcodes: ['3014', '3015'] },
    ],
    sites: [
      {
        key: 'gemeente-voorbeeldstad',
        name: 'Gemeente Voorbeeldstad',
        organisation: 'gemeente',
        allowedOrigins: ['https://www.voorbeeldstad.nl'],
        theme: {},
        neighbourhoods: ['bloemenbuurt', 'havenkwartier', 'de-akkers'],
      },
      {
        key: 'woonstichting-voorbeeld',
        name: 'Woonstichting Voorbeeld',
        organisation: 'woonstichting',
        allowedOrigins: ['https://www.woonstichting-voorbeeld.nl'],
        theme: { '--buurt-color-primary': '#0b6e4f', '--buurt-radius': '14px' },
        neighbourhoods: ['havenkwartier', 'de-akkers'],
      },
    ],
    users: [
      { key: 'fatima', displayName: 'Fatima El Amrani', email: 'fatima@example.nl', neighbourhood: 'havenkwartier' },
      { key: 'joost', displayName: 'Joost de Vries', email: 'joost@example.nl', neighbourhood: 'bloemenbuurt' },
      { key: 'anouk', displayName: 'Anouk Jansen', email: 'anouk@example.nl', neighbourhood: 'de-akkers' },
      { key: 'mehmet', displayName: 'Mehmet Yilmaz', email: 'mehmet@example.nl', neighbourhood: 'havenkwartier' },
      { key: 'sanne', displayName: 'Sanne Bakker', email: 'sanne@example.nl', neighbourhood: 'bloemenbuurt' },
      { key: 'pieter', displayName: 'Pieter van Dijk', email: 'pieter@example.nl', neighbourhood: 'de-akkers' },
      { key: 'yara', displayName: 'Yara Mohamed', email: 'yara@example.nl', neighbourhood: 'havenkwartier' },
      { key: 'wim', displayName: 'Wim Smit', email: 'wim@example.nl', neighbourhood: 'de-akkers' },
      { key: 'lotte', displayName: 'Lotte Visser', email: 'lotte@voorbeeldstad.nl', neighbourhood: 'bloemenbuurt', organisation: 'gemeente', professional: true, moderator: true },
      { key: 'ruben', displayName: 'Ruben Mulder', email: 'ruben@woonstichting-voorbeeld.nl', neighbourhood: 'havenkwartier', organisation: 'woonstichting', professional: true },
      { key: 'esra', displayName: 'Esra Kaya', email: 'esra@welzijn-voorbeeldstad.nl', neighbourhood: 'de-akkers', organisation: 'welzijn', professional: true },
      { key: 'beheer', displayName: 'Netwerkbeheer Voorbeeldstad', email: 'beheer@example.nl', neighbourhood: 'bloemenbuurt', organisation: 'gemeente', networkAdmin: true },
    ],
    initiatives: [
      {
        key: 'geveltuinen-tulpstraat',
        neighbourhood: 'bloemenbuurt',
        owner: 'joost',
        title: 'Geveltuinen in de Tulpstraat',
        summary: 'Samen tegels eruit en planten erin: een groene straat van voordeur tot voordeur.',
        body: 'In de Tulpstraat is bijna alles steen. Met een geveltuin van één tegel breed maken we de straat koeler en vrolijker, en regenwater zakt weer in de grond. We zoeken buren die meedoen, een aanhanger voor de tegels en iemand die verstand heeft van klimplanten. De gemeente haalt de tegels gratis op.',
        status: 'gathering',
        themes: ['green', 'sustainability'],
        needs: ['volunteers', 'materials'],
        supporters: 14,
        members: 5,
        ageDays: 40,
      },
      {
        key: 'buurtmoestuin-havenflat',
        neighbourhood: 'havenkwartier',
        owner: 'fatima',
        title: 'Buurtmoestuin achter de Havenflat',
        summary: 'Het braakliggende grasveld achter de flat wordt een moestuin voor en door bewoners.',
        body: 'Achter de Havenflat ligt een grasveld waar niemand iets mee doet. We willen er bakken neerzetten voor groente en kruiden, met een gezamenlijke compostbak en een regenton. Kinderen van de school om de hoek kunnen een eigen bak krijgen. We hebben toestemming van de woonstichting nodig en iemand die ons helpt met de grondsoort.',
        status: 'planning',
        themes: ['green', 'meeting'],
        needs: ['space', 'expertise', 'permit'],
        supporters: 23,
        members: 8,
        ageDays: 75,
      },
      {
        key: 'speeltuin-akkerplein',
        neighbourhood: 'de-akkers',
        owner: 'anouk',
        title: 'Speeltuin Akkerplein opknappen',
        summary: 'De glijbaan is kapot en de zandbak is een kattenbak geworden. Tijd voor een opknapbeurt.',
        body: 'Ouders uit De Akkers hebben samen met de kinderen getekend hoe de speeltuin eruit moet zien: een nieuwe glijbaan, een afsluitbare zandbak, schaduw en een bankje voor de ouders. We zamelen geld in bij het buurtfonds en zoeken vrijwilligers voor de schilderdag in het voorjaar.',
        status: 'active',
        themes: ['play', 'meeting'],
        needs: ['funding', 'volunteers'],
        supporters: 41,
        members: 12,
        ageDays: 120,
      },
      {
        key: 'repair-cafe-buurthuis',
        neighbourhood: 'havenkwartier',
        owner: 'mehmet',
        title: 'Repair Café in het buurthuis',
        summary: 'Elke eerste zaterdag van de maand samen kapotte spullen repareren, met koffie.',
        body: 'Een broodrooster, een fietsband of een gescheurde jas: in het Repair Café repareren vrijwilligers het samen met u. We hebben al drie handige buren en een naaimachine. We zoeken nog iemand voor elektrische apparaten en een vaste ruimte met stopcontacten en tafels.',
        status: 'active',
        themes: ['sustainability', 'meeting'],
        needs: ['volunteers', 'space'],
        supporters: 35,
        members: 9,
        ageDays: 200,
      },
      {
        key: 'buurtbarbecue-havenplein',
        neighbourhood: 'havenkwartier',
        owner: 'yara',
        title: 'Buurtbarbecue op het Havenplein',
        summary: 'Een zomeravond met eten uit alle keukens van de buurt. Het was een groot succes!',
        body: 'Ruim honderd buren kwamen op 23 augustus naar het Havenplein. Iedereen nam iets mee uit de eigen keuken. De opbrengst van de loterij gaat naar de speeltuin in De Akkers. Volgend jaar weer!',
        status: 'completed',
        themes: ['meeting', 'culture'],
        needs: [],
        supporters: 52,
        members: 15,
        ageDays: 160,
      },
      {
        key: 'groene-schoolroute',
        neighbourhood: 'bloemenbuurt',
        owner: 'sanne',
        title: 'Veilige en groene schoolroute',
        summary: 'Een route naar de basisschool waar kinderen veilig kunnen lopen en fietsen.',
        body: 'Bij de kruising Lelieweg en Rozenlaan wordt hard gereden, juist als kinderen naar school gaan. Ons idee: een schoolzone met drempels, bomen en een zebrapad, bedacht samen met de kinderen. We willen eerst weten wat de gemeente al van plan is.',
        status: 'idea',
        themes: ['traffic', 'safety', 'green'],
        needs: ['expertise', 'permit'],
        supporters: 9,
        members: 2,
        ageDays: 6,
      },
      {
        key: 'bankjes-vijver',
        neighbourhood: 'de-akkers',
        owner: 'wim',
        title: 'Bankjes bij de vijver',
        summary: 'Oudere buren willen onderweg kunnen uitrusten: drie bankjes rond de vijver.',
        body: 'Rond de vijver in De Akkers is nergens een plek om even te zitten. Voor veel oudere bewoners is de wandeling daardoor te lang. We zoeken geld voor drie bankjes en willen weten of er een vergunning nodig is.',
        status: 'idea',
        themes: ['meeting', 'care'],
        needs: ['funding', 'permit'],
        supporters: 17,
        members: 3,
        ageDays: 12,
      },
      {
        key: 'zonnepanelen-havenflat',
        neighbourhood: 'havenkwartier',
        owner: 'mehmet',
        title: 'Samen zonnepanelen op de Havenflat',
        summary: 'Een collectief van huurders dat zonnepanelen op het dak van de flat wil.',
        body: 'Het dak van de Havenflat ligt pal op het zuiden. Als huurders samen willen we zonnepanelen, zodat de energierekening omlaag gaat. We hebben hulp nodig bij de berekening, de afspraken met de woonstichting en subsidies.',
        status: 'planning',
        themes: ['sustainability', 'housing'],
        needs: ['expertise', 'funding'],
        supporters: 28,
        members: 6,
        ageDays: 90,
      },
      {
        key: 'boekenkastje-bushalte',
        neighbourhood: 'bloemenbuurt',
        owner: 'joost',
        title: 'Boekenkastje bij de bushalte',
        summary: 'Een minibieb waar iedereen een boek kan brengen en halen.',
        body: 'Het boekenkastje staat sinds het voorjaar bij de bushalte aan de Rozenlaan. Het is gemaakt van een oude keukenkast en wordt elke week door buren aangevuld.',
        status: 'completed',
        themes: ['culture'],
        needs: [],
        supporters: 31,
        members: 4,
        ageDays: 240,
      },
      {
        key: 'koffieochtend-ouderen',
        neighbourhood: 'de-akkers',
        owner: 'pieter',
        title: 'Koffieochtend voor ouderen',
        summary: 'Elke dinsdag koffie, een praatje en af en toe een spelletje.',
        body: 'Veel oudere buren in De Akkers zijn alleen. Op dinsdagochtend is iedereen welkom voor koffie en een praatje. We zoeken een vaste ruimte die rolstoelvriendelijk is en buren die om de beurt gastheer of gastvrouw willen zijn.',
        status: 'active',
        themes: ['care', 'meeting'],
        needs: ['space', 'volunteers'],
        supporters: 19,
        members: 7,
        ageDays: 150,
      },
      {
        key: 'buurtpreventie',
        neighbourhood: 'bloemenbuurt',
        owner: 'sanne',
        title: 'Buurtpreventie-appgroep',
        summary: 'Samen letten op elkaars huis en straat; even gepauzeerd tot er een nieuwe beheerder is.',
        body: 'De appgroep had veertig deelnemers. Sinds de vorige beheerder verhuisd is, ligt het stil. Wie wil het overnemen? De wijkagent denkt graag mee.',
        status: 'paused',
        themes: ['safety'],
        needs: ['volunteers'],
        supporters: 12,
        members: 3,
        ageDays: 300,
      },
      {
        key: 'muurschildering-onderdoorgang',
        neighbourhood: 'havenkwartier',
        owner: 'yara',
        title: 'Muurschildering in de onderdoorgang',
        summary: 'De donkere onderdoorgang bij het station wordt een kleurrijk kunstwerk van jongeren.',
        body: 'Jongeren uit het Havenkwartier willen samen met een kunstenaar de onderdoorgang beschilderen. Dat maakt de plek lichter en veiliger. We hebben verf, steigers, toestemming van de eigenaar en een kleine begroting nodig.',
        status: 'gathering',
        themes: ['culture', 'safety'],
        needs: ['permit', 'funding', 'materials'],
        supporters: 26,
        members: 6,
        ageDays: 30,
      },
      {
        key: 'jeu-de-boules',
        neighbourhood: 'de-akkers',
        owner: 'wim',
        title: 'Jeu-de-boulesbaan aan de Akkerlaan',
        summary: 'De baan is aangelegd en wordt nu beheerd door de boulesclub.',
        body: 'De jeu-de-boulesbaan is in 2024 aangelegd. De boulesclub heeft het beheer overgenomen; dit initiatief is afgerond en gearchiveerd.',
        status: 'archived',
        themes: ['sport', 'meeting'],
        needs: [],
        supporters: 22,
        members: 8,
        ageDays: 700,
      },
    ],
  },
  {
    key: 'andersdorp',
    name: 'Andersdorp',
    organisations: [{ key: 'gemeente', name: 'Gemeente Andersdorp', kind: 'municipality' }],
    neighbourhoods: [{ key: 'dorpskern', name: 'Dorpskern', cbsCode: 'BU17000101', postcodes: ['7711'] }],
    sites: [
      {
        key: 'andersdorp',
        name: 'Gemeente Andersdorp',
        organisation: 'gemeente',
        allowedOrigins: ['https://www.andersdorp.nl'],
        theme: { '--buurt-color-primary': '#8a2432' },
        neighbourhoods: ['dorpskern'],
      },
    ],
    users: [
      { key: 'gerrit', displayName: 'Gerrit Hoekstra', email: 'gerrit@example.nl', neighbourhood: 'dorpskern' },
      { key: 'ingrid', displayName: 'Ingrid Dijkstra', email: 'ingrid@example.nl', neighbourhood: 'dorpskern' },
    ],
    initiatives: [
      {
        key: 'dorpsfeest',
        neighbourhood: 'dorpskern',
        owner: 'gerrit',
        title: 'Dorpsfeest op de brink',
        summary: 'Een dag met muziek, spelletjes en een fietstocht door het dorp.',
        body: 'Het dorpsfeest komt terug! We zoeken vrijwilligers voor de opbouw en sponsors voor het podium.',
        status: 'gathering',
        themes: ['meeting', 'culture'],
        needs: ['volunteers', 'funding'],
        supporters: 18,
        members: 4,
        ageDays: 20,
      },
      {
        key: 'dorpshuis',
        neighbourhood: 'dorpskern',
        owner: 'ingrid',
        title: 'Het dorpshuis opknappen',
        summary: 'Nieuwe verf, een nieuwe keuken en betere isolatie voor ons dorpshuis.',
        body: 'Het dorpshuis is het hart van Andersdorp maar is hard aan onderhoud toe. We maken een plan en zoeken subsidie.',
        status: 'planning',
        themes: ['meeting', 'sustainability'],
        needs: ['funding', 'expertise'],
        supporters: 33,
        members: 6,
        ageDays: 60,
      },
    ],
  },
];

import type { HelpOfferKind, HelpOfferStatus } from '@buurtplein/sdk/contract';
import type { BatchItem } from 'drizzle-orm/batch';
import type { DrizzleD1Database } from 'drizzle-orm/d1';
import { comments, eventRsvps, events, helpOffers, professionalNeighbourhoods, professionalProfiles } from './community.js';
import { DEMO_EPOCH, type DemoNetwork } from './demo-data.js';

/**
 * The demo world's visible help and meetings: the professionals' directory profiles, offers
 * to initiatives (open, accepted, declined, fulfilled) and meetings before and after the
 * reference date, one with its minutes in the initiative's thread, and some that are always still to
 * come. `seed.ts` writes them.
 */

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

export interface DemoProfile {
  /** A professional's user key. */
  user: string;
  jobTitle: string;
  bio: string;
  expertise: string[];
  neighbourhoods: string[];
}

export interface DemoOffer {
  key: string;
  initiative: string;
  professional: string;
  kind: HelpOfferKind;
  message: string;
  status: HelpOfferStatus;
  /** Days before the reference date that it was offered. */
  ageDays: number;
  /** Hours until the owner answered; for accepted, declined and fulfilled offers. */
  responseHours?: number;
}

export interface DemoEvent {
  key: string;
  /** An initiative key, or none for a neighbourhood meeting. */
  initiative?: string;
  neighbourhood: string;
  organiser: string;
  title: string;
  description: string;
  startsAt: DemoTime;
  endsAt?: DemoTime;
  location?: string;
  onlineUrl?: string;
  capacity?: number;
  /** User keys of who is coming. */
  going: string[];
  /** The minutes, written back to the initiative's thread the day after. */
  report?: { author: string; body: string };
}

/**
 * When a demo meeting is: an ISO timestamp, or days after the day the demo is seeded at a UTC time
 * of day (`{ inDays: 9, at: '18:30' }`) for a meeting that is always still to come, so the example
 * pages show coming meetings however long after the reference date they run.
 */
export type DemoTime = string | { inDays: number; at: string };

export interface DemoHelp {
  profiles: DemoProfile[];
  offers: DemoOffer[];
  events: DemoEvent[];
}

export const demoHelp: Record<string, DemoHelp> = {
  voorbeeldstad: {
    profiles: [
      {
        user: 'lotte',
        jobTitle: 'Wijkcoördinator',
        bio: 'Ik ben voor bewoners van de Bloemenbuurt en het Havenkwartier het aanspreekpunt bij de gemeente. Ik weet welke vergunning u nodig heeft, welke subsidie bij uw plan past en wie er over de straat en het groen gaat.',
        expertise: ['vergunningen', 'subsidies', 'openbare ruimte'],
        neighbourhoods: ['bloemenbuurt', 'havenkwartier'],
      },
      {
        user: 'ruben',
        jobTitle: 'Wijkconsulent',
        bio: 'Als wijkconsulent van Woonstichting Voorbeeld ken ik de complexen in het Havenkwartier en De Akkers. Zoekt u een ruimte om samen te komen, of gaat uw plan over tuinen, daken of gemeenschappelijke ruimtes van de woonstichting? Dan denk ik graag mee.',
        expertise: ['ruimtes', 'onderhoud', 'bewonerscommissies'],
        neighbourhoods: ['havenkwartier', 'de-akkers'],
      },
      {
        user: 'esra',
        jobTitle: 'Opbouwwerker',
        bio: 'Ik help bewoners van de Bloemenbuurt en De Akkers hun ideeën van de grond te krijgen: mensen bij elkaar brengen, een fonds vinden en een activiteit organiseren. Het blijft uw initiatief; ik zorg dat u niet alles alleen hoeft te doen.',
        expertise: ['bewonersparticipatie', 'fondsen', 'activiteiten'],
        neighbourhoods: ['bloemenbuurt', 'de-akkers'],
      },
    ],
    offers: [
      {
        key: 'moestuin-vergaderruimte',
        initiative: 'buurtmoestuin-havenflat',
        professional: 'ruben',
        kind: 'meeting-space',
        message:
          'De bewonersruimte op de begane grond van de Havenflat is op dinsdag- en donderdagavond vrij. U kunt er gratis vergaderen; de sleutel ligt bij de huismeester.',
        status: 'accepted',
        ageDays: 60,
        responseHours: 20,
      },
      {
        key: 'moestuin-vergunning',
        initiative: 'buurtmoestuin-havenflat',
        professional: 'lotte',
        kind: 'information-spatial',
        message:
          'Voor de moestuinbakken is geen vergunning nodig, maar voor een hek of een schuurtje wel. Ik stuur u de regels en kijk graag mee naar de tekening voordat u iets bestelt.',
        status: 'offered',
        ageDays: 3,
      },
      {
        key: 'speeltuin-buurtfonds',
        initiative: 'speeltuin-akkerplein',
        professional: 'esra',
        kind: 'funding',
        message:
          'Het buurtfonds van Welzijn Voorbeeldstad heeft nog budget voor speelplekken. Ik help u met de aanvraag; die moet voor 1 februari binnen zijn.',
        status: 'fulfilled',
        ageDays: 100,
        responseHours: 6,
      },
      {
        key: 'schoolroute-verkeer',
        initiative: 'groene-schoolroute',
        professional: 'lotte',
        kind: 'referral',
        message:
          'Mijn collega van Verkeer werkt aan een plan voor schoolzones in de stad. Zal ik een afspraak met haar maken, zodat u uw idee en de tekeningen van de kinderen kunt laten zien?',
        status: 'offered',
        ageDays: 2,
      },
      {
        key: 'koffieochtend-zaal',
        initiative: 'koffieochtend-ouderen',
        professional: 'esra',
        kind: 'meeting-space',
        message: 'In wijkcentrum De Akker is de zaal op dinsdagochtend vrij. Hij is rolstoelvriendelijk en er staat een koffieautomaat.',
        status: 'accepted',
        ageDays: 140,
        responseHours: 48,
      },
      {
        key: 'zonnepanelen-projectleider',
        initiative: 'zonnepanelen-havenflat',
        professional: 'esra',
        kind: 'project-leader',
        message: 'Wilt u iemand die het project trekt en de planning bewaakt? Ik kan een vrijwillige projectleider uit ons netwerk aan u voorstellen.',
        status: 'declined',
        ageDays: 80,
        responseHours: 30,
      },
      {
        key: 'zonnepanelen-dak',
        initiative: 'zonnepanelen-havenflat',
        professional: 'ruben',
        kind: 'information-technical',
        message:
          'Onze afdeling Vastgoed heeft de dakconstructie van de Havenflat laten doorrekenen: het dak kan panelen dragen. Ik deel het rapport graag en neem het met u door.',
        status: 'accepted',
        ageDays: 70,
        responseHours: 4,
      },
    ],
    events: [
      {
        key: 'speeltuin-planningsavond',
        initiative: 'speeltuin-akkerplein',
        neighbourhood: 'de-akkers',
        organiser: 'anouk',
        title: 'Planningsavond speeltuin Akkerplein',
        description:
          'We verdelen de klussen voor de schilderdag, kiezen de glijbaan en maken een rooster voor de zandbak. Kinderen mogen mee; er is ranja.',
        startsAt: '2026-12-15T18:30:00.000Z',
        endsAt: '2026-12-15T20:30:00.000Z',
        location: 'Wijkcentrum De Akker, Akkerlaan 12',
        capacity: 30,
        going: ['pieter', 'wim', 'esra'],
      },
      {
        key: 'repair-cafe-november',
        initiative: 'repair-cafe-buurthuis',
        neighbourhood: 'havenkwartier',
        organiser: 'mehmet',
        title: 'Repair Café november',
        description: 'Neem uw kapotte spullen mee: broodroosters, fietsen, kleding, lampen. Koffie en thee staan klaar.',
        startsAt: '2026-11-07T09:00:00.000Z',
        endsAt: '2026-11-07T12:00:00.000Z',
        location: 'Buurthuis Havenkwartier, Havenkade 3',
        capacity: 20,
        going: ['fatima', 'yara', 'ruben'],
        report: {
          author: 'mehmet',
          body:
            'Verslag van het Repair Café van 7 november. Er kwamen 23 bezoekers met 31 spullen; 24 daarvan zijn weer heel, waaronder vier broodroosters en een naaimachine. Fatima heeft zes jassen en broeken hersteld. Wat niet lukte: twee koffiezetapparaten, daarvoor zoeken we nog iemand met verstand van elektrische apparaten. De woonstichting betaalt voortaan de koffie. Volgende keer: zaterdag 5 december.',
        },
      },
      {
        key: 'repair-cafe-december',
        initiative: 'repair-cafe-buurthuis',
        neighbourhood: 'havenkwartier',
        organiser: 'mehmet',
        title: 'Repair Café december',
        description: 'Speciale editie voor de feestdagen: ook kerstverlichting is welkom.',
        startsAt: '2026-12-05T09:00:00.000Z',
        endsAt: '2026-12-05T12:00:00.000Z',
        location: 'Buurthuis Havenkwartier, Havenkade 3',
        capacity: 20,
        going: ['fatima'],
      },
      {
        key: 'inloopavond-autovrije-zondag',
        neighbourhood: 'havenkwartier',
        organiser: 'lotte',
        title: 'Inloopavond: een autovrije zondag in het Havenkwartier?',
        description:
          'Kom langs en vertel wat u van het idee vindt. Wie niet kan komen, kan online meekijken en vragen stellen. Het is nog maar een idee: er is niets besloten.',
        startsAt: '2026-12-10T18:00:00.000Z',
        endsAt: '2026-12-10T20:00:00.000Z',
        location: 'Buurthuis Havenkwartier, Havenkade 3',
        onlineUrl: 'https://meet.voorbeeldstad.nl/autovrije-zondag',
        going: ['yara', 'mehmet', 'ruben'],
      },
      {
        key: 'koffie-uurtje-havenflat',
        neighbourhood: 'havenkwartier',
        organiser: 'ruben',
        title: 'Koffie-uurtje in de Havenflat',
        description:
          'Kom een kop koffie drinken in de ontmoetingsruimte en maak kennis met uw buren en de wijkconsulent. Vragen over de flat of een idee voor de buurt? Neem ze mee.',
        startsAt: { inDays: 9, at: '09:00' },
        endsAt: { inDays: 9, at: '10:30' },
        location: 'Ontmoetingsruimte Havenflat, Havenkade 2',
        capacity: 15,
        going: ['fatima', 'yara'],
      },
      {
        key: 'bewonersavond-akkers',
        neighbourhood: 'de-akkers',
        organiser: 'esra',
        title: 'Bewonersavond De Akkers: wat pakken we in 2027 aan?',
        description:
          'Wat wilt u dit jaar in De Akkers samen doen? Neem uw ideeën mee; wie een plan heeft, kan het in vijf minuten vertellen. De gemeente en de woonstichting zijn er om vragen te beantwoorden.',
        startsAt: { inDays: 45, at: '18:30' },
        endsAt: { inDays: 45, at: '20:30' },
        location: 'Wijkcentrum De Akker, Akkerlaan 12',
        going: ['anouk', 'pieter', 'wim', 'ruben'],
      },
      {
        key: 'geveltuinen-plantdag',
        initiative: 'geveltuinen-tulpstraat',
        neighbourhood: 'bloemenbuurt',
        organiser: 'joost',
        title: 'Plantdag geveltuinen Tulpstraat',
        description:
          'We halen de tegels eruit en zetten de eerste planten. Neem een schep en handschoenen mee als u die heeft; de planten en de aarde zijn er. Ook wie geen geveltuin krijgt, is welkom om te helpen.',
        startsAt: { inDays: 30, at: '08:00' },
        endsAt: { inDays: 30, at: '12:00' },
        location: 'Tulpstraat, bij nummer 14',
        capacity: 25,
        going: ['sanne', 'lotte'],
      },
    ],
  },
};

/** The stable id of a demo row of this network (see `demoId` in seed.ts). */
type DemoIdOf = (kind: string, key: string, at: number) => string;

/**
 * The statements that seed a network's professionals, offers and meetings. Run after the
 * discussions: a meeting's report is a comment in its initiative's thread, whose id
 * `demo-discussions.ts` derives from the initiative's key and start date the same way.
 */
export function demoHelpStatements<S extends Record<string, unknown>>(db: DrizzleD1Database<S>, network: DemoNetwork, idOf: DemoIdOf): BatchItem<'sqlite'>[] {
  const help = demoHelp[network.key];
  if (!help) return [];
  const networkId = network.key;
  const user = (key: string) => idOf('user', key, DEMO_EPOCH);
  const neighbourhood = (key: string) => idOf('neighbourhood', key, DEMO_EPOCH);
  const organisationOf = (key: string) => {
    const organisation = network.users.find((u) => u.key === key)?.organisation;
    if (!organisation) throw new Error(`demo professional ${key} has no organisation`);
    return idOf('organisation', organisation, DEMO_EPOCH);
  };
  const initiativeStart = (key: string) => {
    const initiative = network.initiatives.find((i) => i.key === key);
    if (!initiative) throw new Error(`no demo initiative ${key}`);
    return DEMO_EPOCH - initiative.ageDays * DAY;
  };
  const initiative = (key: string) => idOf('initiative', key, initiativeStart(key));
  const initiativeThread = (key: string) => idOf('thread', `initiative/${key}`, initiativeStart(key));

  const statements: BatchItem<'sqlite'>[] = [];
  for (const p of help.profiles) {
    statements.push(
      db
        .insert(professionalProfiles)
        .values({ userId: user(p.user), networkId, jobTitle: p.jobTitle, bio: p.bio, expertise: p.expertise })
        .onConflictDoNothing(),
      ...p.neighbourhoods.map((n) =>
        db.insert(professionalNeighbourhoods).values({ userId: user(p.user), neighbourhoodId: neighbourhood(n), networkId }).onConflictDoNothing(),
      ),
    );
  }
  for (const o of help.offers) {
    const createdAt = DEMO_EPOCH - o.ageDays * DAY;
    const respondedAt = o.responseHours === undefined ? null : new Date(createdAt + o.responseHours * HOUR);
    statements.push(
      db
        .insert(helpOffers)
        .values({
          id: idOf('offer', o.key, createdAt),
          networkId,
          initiativeId: initiative(o.initiative),
          professionalId: user(o.professional),
          organisationId: organisationOf(o.professional),
          kind: o.kind,
          message: o.message,
          status: o.status,
          respondedBy: respondedAt ? initiativeOwner(network, o.initiative, user) : null,
          respondedAt,
          fulfilledAt: o.status === 'fulfilled' && respondedAt ? new Date(respondedAt.getTime() + 30 * DAY) : null,
          createdAt: new Date(createdAt),
        })
        .onConflictDoNothing(),
    );
  }
  const today = new Date().toISOString().slice(0, 10);
  const time = (t: DemoTime) => (typeof t === 'string' ? new Date(t) : new Date(Date.parse(`${today}T${t.at}:00.000Z`) + t.inDays * DAY));
  for (const e of help.events) {
    const startsAt = time(e.startsAt);
    const endsAt = e.endsAt ? time(e.endsAt) : null;
    // Announced three weeks ahead.
    const createdAt = startsAt.getTime() - 21 * DAY;
    // A meeting that moves with the seeding day keeps one id, so seeding again adds no second one.
    const id = idOf('event', e.key, typeof e.startsAt === 'string' ? createdAt : DEMO_EPOCH);
    const reportAt = (endsAt ?? startsAt).getTime() + DAY;
    const reportId = e.report ? idOf('comment', `event/${e.key}/report`, reportAt) : null;
    statements.push(
      db
        .insert(events)
        .values({
          id,
          networkId,
          neighbourhoodId: neighbourhood(e.neighbourhood),
          initiativeId: e.initiative ? initiative(e.initiative) : null,
          organiserId: user(e.organiser),
          title: e.title,
          description: e.description,
          startsAt,
          endsAt,
          location: e.location ?? null,
          onlineUrl: e.onlineUrl ?? null,
          capacity: e.capacity ?? null,
          reportCommentId: reportId,
          createdAt: new Date(createdAt),
        })
        .onConflictDoNothing(),
      ...e.going.map((u) => db.insert(eventRsvps).values({ networkId, eventId: id, userId: user(u), status: 'going' }).onConflictDoNothing()),
    );
    if (e.report && reportId && e.initiative) {
      statements.push(
        db
          .insert(comments)
          .values({
            id: reportId,
            networkId,
            threadId: initiativeThread(e.initiative),
            authorId: user(e.report.author),
            body: e.report.body,
            kind: 'report',
            eventId: id,
            createdAt: new Date(reportAt),
          })
          .onConflictDoNothing(),
      );
    }
  }
  return statements;
}

function initiativeOwner(network: DemoNetwork, key: string, user: (key: string) => string): string {
  const owner = network.initiatives.find((i) => i.key === key)?.owner;
  if (!owner) throw new Error(`no demo initiative ${key}`);
  return user(owner);
}

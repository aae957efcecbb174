import type { BatchItem } from 'drizzle-orm/batch';
import type { DrizzleD1Database } from 'drizzle-orm/d1';
import { comments, threads } from './community.js';
import { DEMO_EPOCH, type DemoNetwork } from './demo-data.js';

/**
 * The demo world's discussions: a thread for every demo initiative, with comments and replies,
 * and neighbourhood topics (a municipality testing an idea early, a resident asking about
 * parking, a welfare organisation looking for volunteers). `seed.ts` writes them.
 */

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

export interface DemoComment {
  key: string;
  /** A user key of the network. */
  author: string;
  body: string;
  /** Hours after the thread was started; a reply comes after its parent. */
  hours: number;
  /** Deleted by its author after it got replies: seeded as a tombstone. */
  deleted?: boolean;
  replies?: DemoComment[];
}

export interface DemoTopic {
  key: string;
  neighbourhood: string;
  author: string;
  title: string;
  body: string;
  /** Days before the seed's reference date that the topic was started. */
  ageDays: number;
  comments: DemoComment[];
}

export interface DemoDiscussions {
  topics: DemoTopic[];
  /** The comments in initiatives' threads, by initiative key. */
  initiativeComments: Record<string, DemoComment[]>;
}

export const demoDiscussions: Record<string, DemoDiscussions> = {
  voorbeeldstad: {
    topics: [
      {
        key: 'autovrije-zondag',
        neighbourhood: 'havenkwartier',
        author: 'lotte',
        title: 'Wat vinden jullie van een autovrije zondag in het Havenkwartier?',
        body: 'De gemeente denkt na over een proef: één zondag per maand geen auto’s op de Havenkade en het Havenplein, zodat er ruimte is om te spelen, voor een markt en voor terrasjes. Het is nog maar een idee. We horen graag eerst van bewoners wat zij ervan vinden, voordat we iets uitwerken. Wat zou u mooi vinden, en waar maakt u zich zorgen over?',
        ageDays: 9,
        comments: [
          {
            key: 'stoepkrijt',
            author: 'yara',
            body: 'Leuk! Dan kunnen de kinderen op straat stoepkrijten en kunnen we met de buren een picknick op het plein houden.',
            hours: 3,
            replies: [
              {
                key: 'slecht-ter-been',
                author: 'mehmet',
                body: 'Maar hoe moet het dan met mensen die slecht ter been zijn? Ik haal mijn moeder elke zondag op met de auto.',
                hours: 5,
                replies: [
                  {
                    key: 'vervoer-uitzondering',
                    author: 'lotte',
                    body: 'Goede vraag. Bij zo’n proef blijven de parkeerplaatsen aan de rand bereikbaar, en vervoer voor mensen met een beperking mag er altijd in. Dat nemen we mee.',
                    hours: 8,
                    replies: [
                      {
                        key: 'een-keer-per-maand',
                        author: 'mehmet',
                        body: 'Dan ben ik voor, als het bij één zondag per maand blijft.',
                        hours: 10,
                      },
                    ],
                  },
                ],
              },
            ],
          },
          {
            key: 'winkeliers',
            author: 'fatima',
            body: 'Kunnen de winkeliers aan de Havenkade ook meedenken? Een paar van hen zijn bang dat ze klanten mislopen.',
            hours: 20,
            replies: [
              {
                key: 'bewonerscommissie',
                author: 'ruben',
                body: 'Vanuit de woonstichting kunnen we de bewonerscommissie van de Havenflat vragen om mee te praten. Zal ik dat regelen?',
                hours: 26,
              },
            ],
          },
          {
            key: 'ingetrokken',
            author: 'joost',
            body: '',
            hours: 40,
            deleted: true,
            replies: [
              {
                key: 'juist-rustiger',
                author: 'sanne',
                body: 'Ik denk eerlijk gezegd dat het juist rustiger wordt in de straten eromheen, niet drukker.',
                hours: 44,
              },
            ],
          },
        ],
      },
      {
        key: 'busjes-akkerlaan',
        neighbourhood: 'de-akkers',
        author: 'pieter',
        title: 'Waarom staat de Akkerlaan ’s avonds vol met busjes?',
        body: 'Sinds een paar weken staan er elke avond bedrijfsbusjes in de Akkerlaan, en bewoners vinden geen plek meer om te parkeren. Weet iemand of daar regels voor zijn? En waar kun je dat melden?',
        ageDays: 4,
        comments: [
          {
            key: 'bouwplaats',
            author: 'wim',
            body: 'Ik zie het ook. Het zijn vooral busjes van de bouwplaats bij de school.',
            hours: 2,
          },
          {
            key: 'regels-parkeren',
            author: 'lotte',
            body: 'Bedrijfsbusjes mogen in de Akkerlaan parkeren, maar niet langer dan drie dagen op dezelfde plek. U kunt het melden via een melding openbare ruimte op de website van de gemeente of via 14 0599. Ik vraag bij mijn collega’s van Verkeer na wanneer de bouw klaar is.',
            hours: 6,
            replies: [{ key: 'gemeld', author: 'pieter', body: 'Dank u wel, dat is duidelijk. Ik heb het gemeld.', hours: 9 }],
          },
          {
            key: 'sporthal',
            author: 'anouk',
            body: 'Misschien kunnen de bouwvakkers het parkeerterrein bij de sporthal gebruiken? Dat staat ’s avonds leeg.',
            hours: 30,
          },
        ],
      },
      {
        key: 'boodschappenmaatje',
        neighbourhood: 'bloemenbuurt',
        author: 'esra',
        title: 'Wie doet af en toe boodschappen voor een oudere buur?',
        body: 'Welzijn Voorbeeldstad krijgt steeds vaker vragen van oudere bewoners in de Bloemenbuurt die niet meer zelf naar de supermarkt kunnen. Heeft u eens per week of eens per twee weken een uurtje over? Wij zorgen voor de koppeling en blijven uw vaste aanspreekpunt.',
        ageDays: 15,
        comments: [
          {
            key: 'zaterdag',
            author: 'sanne',
            body: 'Ik doe elke zaterdag al boodschappen, daar kan best iets bij.',
            hours: 4,
            replies: [{ key: 'koppeling', author: 'esra', body: 'Fijn, Sanne! Ik stuur u een bericht met meer informatie.', hours: 7 }],
          },
          {
            key: 'buurvrouw',
            author: 'joost',
            body: 'Mijn buurvrouw van 88 zou hier heel blij mee zijn. Mag ik haar aanmelden, of moet zij dat zelf doen?',
            hours: 28,
          },
        ],
      },
    ],
    initiativeComments: {
      'geveltuinen-tulpstraat': [
        {
          key: 'potgrond',
          author: 'sanne',
          body: 'Wij doen mee! Op nummer 14 hebben we nog een zak potgrond over.',
          hours: 20,
          replies: [{ key: 'lijst', author: 'joost', body: 'Top! Zet je naam maar op de lijst voor de eerste bouwdag.', hours: 22 }],
        },
        {
          key: 'tegels-ophalen',
          author: 'lotte',
          body: 'De gemeente haalt de tegels inderdaad gratis op. Geef de adressen een week van tevoren aan mij door, dan plannen we de wagen in.',
          hours: 50,
        },
        {
          key: 'schaduwkant',
          author: 'mehmet',
          body: 'Welke klimplanten raden jullie aan voor de schaduwkant van de straat?',
          hours: 80,
          replies: [{ key: 'klimhortensia', author: 'joost', body: 'Klimhortensia en klimop doen het goed in de schaduw, heb ik me laten vertellen.', hours: 90 }],
        },
      ],
      'buurtmoestuin-havenflat': [
        {
          key: 'woonstichting-positief',
          author: 'ruben',
          body: 'De woonstichting staat positief tegenover het plan. We willen wel graag afspraken maken over het onderhoud van het gras eromheen. Kunnen we binnenkort samen op het veld kijken?',
          hours: 30,
          replies: [
            {
              key: 'donderdag',
              author: 'fatima',
              body: 'Graag! Op donderdagmiddag na vieren zijn we er meestal.',
              hours: 33,
              replies: [{ key: 'groenbeheer', author: 'ruben', body: 'Dan kom ik donderdag langs met een collega van groenbeheer.', hours: 40 }],
            },
          ],
        },
        { key: 'aardbeien', author: 'yara', body: 'Mijn dochter wil heel graag een eigen bak voor aardbeien.', hours: 100 },
      ],
      'speeltuin-akkerplein': [
        { key: 'kastanje', author: 'wim', body: 'Het bankje voor de ouders is een goed idee. Kan het in de schaduw van de grote kastanje?', hours: 48 },
        {
          key: 'buurtfonds',
          author: 'anouk',
          body: 'Goed nieuws: het buurtfonds heeft € 2.500 toegezegd! We zoeken nog verf en kwasten voor de schilderdag.',
          hours: 60,
          replies: [{ key: 'buitenverf', author: 'pieter', body: 'Ik heb nog een paar blikken buitenverf in de schuur staan, die breng ik langs.', hours: 70 }],
        },
      ],
      'repair-cafe-buurthuis': [
        {
          key: 'koffiemachine',
          author: 'fatima',
          body: 'Kan ik ook een kapotte koffiemachine meenemen?',
          hours: 24,
          replies: [{ key: 'snoer', author: 'mehmet', body: 'Zeker, elektrische apparaten zijn welkom. Neem wel het snoer mee!', hours: 30 }],
        },
      ],
      'groene-schoolroute': [
        {
          key: 'schouw',
          author: 'lotte',
          body: 'Bij de gemeente staat de kruising Lelieweg/Rozenlaan op de lijst voor 2027. Dit is een mooi moment om jullie ideeën mee te nemen. Zullen we samen met de kinderen een schouw doen?',
          hours: 30,
          replies: [{ key: 'woensdag', author: 'sanne', body: 'Heel graag! Op woensdagmiddag zijn de kinderen vrij.', hours: 36 }],
        },
        { key: 'kwart-over-acht', author: 'joost', body: 'Ik fiets er elke ochtend langs; rond kwart over acht is het echt gevaarlijk.', hours: 50 },
      ],
      'bankjes-vijver': [
        {
          key: 'fonds-ontmoeting',
          author: 'esra',
          body: 'Welzijn Voorbeeldstad heeft een klein fonds voor ontmoetingsplekken. Ik stuur u het aanvraagformulier.',
          hours: 20,
        },
      ],
    },
  },
  andersdorp: {
    topics: [
      {
        key: 'bushalte-kerk',
        neighbourhood: 'dorpskern',
        author: 'gerrit',
        title: 'De bushalte bij de kerk verdwijnt: wat nu?',
        body: 'Volgens de nieuwe dienstregeling stopt lijn 12 niet meer bij de kerk. Voor veel ouderen is de volgende halte te ver. Wie denkt mee over een oplossing?',
        ageDays: 7,
        comments: [{ key: 'buurtbus', author: 'ingrid', body: 'Misschien kan de buurtbus een extra rondje rijden? Ik ken de coördinator.', hours: 5 }],
      },
    ],
    initiativeComments: {
      dorpsfeest: [{ key: 'taart', author: 'ingrid', body: 'Ik regel de koffie en de taart!', hours: 10 }],
    },
  },
};

/** The stable id of a demo row of this network (see `demoId` in seed.ts). */
type DemoIdOf = (kind: string, key: string, at: number) => string;

/**
 * The statements that seed a network's discussions: threads first, then each thread's comments
 * in the order they were written, so the triggers leave the counters and last activity right.
 */
export function demoDiscussionStatements<S extends Record<string, unknown>>(
  db: DrizzleD1Database<S>,
  network: DemoNetwork,
  idOf: DemoIdOf,
): BatchItem<'sqlite'>[] {
  const discussions = demoDiscussions[network.key];
  const networkId = network.key;
  const user = (key: string) => idOf('user', key, DEMO_EPOCH);
  const threadRows: (typeof threads.$inferInsert & { id: string; createdAt: Date; comments: DemoComment[] })[] = [];
  for (const i of network.initiatives) {
    const at = new Date(DEMO_EPOCH - i.ageDays * DAY);
    threadRows.push({
      id: idOf('thread', `initiative/${i.key}`, at.getTime()),
      networkId,
      neighbourhoodId: idOf('neighbourhood', i.neighbourhood, DEMO_EPOCH),
      initiativeId: idOf('initiative', i.key, at.getTime()),
      kind: 'initiative',
      title: i.title,
      authorId: user(i.owner),
      createdAt: at,
      lastActivityAt: at,
      comments: discussions?.initiativeComments[i.key] ?? [],
    });
  }
  for (const t of discussions?.topics ?? []) {
    const at = new Date(DEMO_EPOCH - t.ageDays * DAY);
    threadRows.push({
      id: idOf('thread', `topic/${t.key}`, at.getTime()),
      networkId,
      neighbourhoodId: idOf('neighbourhood', t.neighbourhood, DEMO_EPOCH),
      kind: 'topic',
      title: t.title,
      body: t.body,
      authorId: user(t.author),
      createdAt: at,
      lastActivityAt: at,
      comments: t.comments,
    });
  }
  const statements: BatchItem<'sqlite'>[] = threadRows.map(({ comments: _, ...row }) => db.insert(threads).values(row).onConflictDoNothing());
  for (const thread of threadRows) {
    const rows: (typeof comments.$inferInsert & { createdAt: Date })[] = [];
    const walk = (list: DemoComment[], parent: { id: string; depth: number } | null) => {
      for (const c of list) {
        const createdAt = new Date(thread.createdAt.getTime() + c.hours * HOUR);
        const id = idOf('comment', `${thread.id}/${c.key}`, createdAt.getTime());
        const depth = parent ? parent.depth + 1 : 0;
        rows.push({
          id,
          networkId,
          threadId: thread.id,
          parentId: parent?.id ?? null,
          depth,
          authorId: user(c.author),
          body: c.deleted ? '' : c.body,
          status: c.deleted ? 'deleted' : 'visible',
          createdAt,
        });
        walk(c.replies ?? [], { id, depth });
      }
    };
    walk(thread.comments, null);
    rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    statements.push(...rows.map((row) => db.insert(comments).values(row).onConflictDoNothing()));
  }
  return statements;
}

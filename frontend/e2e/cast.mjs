// Who takes part in the end-to-end scenarios: officials of the demo data, and two more made with the command line.
import { fileURLToPath } from 'node:url';
import { numericId, signInApi } from './api.mjs';
import { DEMO_PASSWORD, imi } from './backend.mjs';

export const GERMAN_OFFICIAL = 'de.official@demo.imi.example';
export const POLISH_OFFICIAL = 'pl.official@demo.imi.example';
export const GERMAN_COORDINATOR = 'de.coordinator@demo.imi.example';
export const IRISH_OFFICIAL = 'en.official@demo.imi.example';
export const SPANISH_OFFICIAL = 'es.official@demo.imi.example';
/** An alert handler at the German official's authority. */
export const GERMAN_ALERT_HANDLER = 'de.alerts@demo.imi.example';
/** A user of the Polish authority that receives other countries' professional-qualification alerts. */
export const POLISH_ALERT_COORDINATOR = 'pl.alerts@demo.imi.example';

const CRAFTED_HISTORY = fileURLToPath(new URL('./data/scoreboard-2008.csv', import.meta.url));
/** The crafted history's year, and the overall result each country must get for it. */
export const CRAFTED_PERIOD = { from: '2008-01-01', to: '2008-12-31' };
export const CRAFTED_RESULTS = { DE: 'green', FR: 'yellow', PL: 'red', AT: 'none' };

/** The demo data (a small world) and a crafted scoreboard year nobody else writes to. */
export async function seed(env) {
  await imi(env, ['seed', 'demo', '--scale', '0.05']);
  await imi(env, ['exchanges', 'import', CRAFTED_HISTORY]);
}

async function createUser(env, email, authorityId, fullName, language, rights) {
  await imi(env, ['users', 'create', email, '--authority', authorityId, '--password', DEMO_PASSWORD, '--full-name', fullName, '--language', language, ...rights.flatMap((right) => ['--right', right])]);
}

/** The server indexes the directory for search once it runs: the scenarios search it, so they wait for it. */
async function searchIndexReady(client, deadline = Date.now() + 90_000) {
  const query = '{ searchAuthorities(input: { query: "Kraków", first: 1 }) { totalCount } }';
  while (Date.now() < deadline) {
    if ((await client.query(query)).searchAuthorities.totalCount > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('the search index was not ready within 90 s');
}

/** Adds the two users the demo data lacks, at authorities found through the API, once search works. */
export async function castExtras(backend) {
  const german = await signInApi(backend.url, GERMAN_OFFICIAL, DEMO_PASSWORD);
  await searchIndexReady(german);
  const { me } = await german.query('{ me { user { authority { id } } } }');
  await createUser(backend.env, GERMAN_ALERT_HANDLER, numericId(me.user.authority.id), 'Anna Becker', 'de', ['PROFESSIONAL_QUALIFICATIONS:ALERT_HANDLER']);
  const { authorities } = await german.query(
    '{ authorities(input: { countries: ["PL"], legalAreas: ["PROFESSIONAL_QUALIFICATIONS"], first: 100 }) { edges { node { id coordinatorRole } } } }',
  );
  // As the backend picks it: the first delegated coordinator with the area, else the national one.
  const nodes = authorities.edges.map((edge) => ({ ...edge.node, number: Number(numericId(edge.node.id)) })).sort((a, b) => a.number - b.number);
  const receiver = nodes.find((node) => node.coordinatorRole === 'DELEGATED') ?? nodes.find((node) => node.coordinatorRole === 'NATIONAL');
  await createUser(backend.env, POLISH_ALERT_COORDINATOR, String(receiver.number), 'Piotr Nowak', 'pl', ['PROFESSIONAL_QUALIFICATIONS:ALLOCATOR']);
  return { german };
}

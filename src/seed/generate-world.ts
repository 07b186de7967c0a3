import { loadGeo } from './geo.ts';
import { generateCareRegister } from './generate-care-register.ts';
import { generateCases } from './generate-cases.ts';
import { generateNamnder } from './generate-committees.ts';
import { generateEjVerkstallaBeslut } from './generate-evb.ts';
import { generateUsers } from './generate-users.ts';
import { IdentifierFactory } from './identifiers.ts';
import { Random, WeightedTable } from './random.ts';
import { loadCaseReference } from './reference.ts';
import { type ProgressCallback, ProgressReporter, populationWeights, type SeedContext } from './seed-context.ts';
import type { World } from './world-types.ts';

export interface GenerateWorldOptions {
  /**
   * Multiplies providers, units, cases, decisions, EVB reports and rapportörer. Counties,
   * municipalities and committees stay as they are. Default 1, allowed from 0.05 to 100.
   */
  scale?: number;
  /** Receives each step's progress a few dozen times per step, never once per row. */
  onProgress?: ProgressCallback;
}

/** Seed string of the generator. Changing it changes every generated value. */
const WORLD_SEED = 'ivo-graf-seed-v1';

/**
 * Generates the simulated contents of IVO's four sources. The same scale always gives the same
 * world, with the fixed users of fixed-users.ts first. At scale 1 it contains the real 21 counties
 * and 290 municipalities, about 600 committees, 1,500 providers, 3,000 units, 40,000 cases,
 * 20,000 EVB reports and 2,000 users.
 */
export function generateWorld(options: GenerateWorldOptions = {}): World {
  const scale = options.scale ?? 1;
  if (!Number.isFinite(scale) || scale < 0.05 || scale > 100) {
    throw new RangeError(`Invalid seed scale ${scale}: expected a number from 0.05 to 100.`);
  }

  const geo = loadGeo();
  const reference = loadCaseReference();
  const random = new Random(WORLD_SEED);
  const kommunWeights = populationWeights(geo);
  const context: SeedContext = {
    random,
    scale,
    geo,
    kommunByKod: new Map(geo.kommuner.map((kommun) => [kommun.kod, kommun])),
    kommunWeights,
    kommunTable: new WeightedTable(geo.kommuner.map((kommun) => [kommun, kommunWeights.get(kommun.kod) ?? 1] as const)),
    identifiers: new IdentifierFactory(random.fork('identiteter')),
    progress: new ProgressReporter(options.onProgress),
  };

  const namnder = generateNamnder(context);
  const register = generateCareRegister(context);
  const cases = generateCases(context, register, reference);
  const ejVerkstallaBeslut = generateEjVerkstallaBeslut(context, namnder);
  const users = generateUsers(context, namnder, register.kommunOrganisationsnummer);

  return {
    lan: geo.lan,
    kommuner: geo.kommuner.map(({ kod, namn, lanKod }) => ({ kod, namn, lanKod })),
    namnder,
    huvudman: register.huvudman,
    verksamheter: register.verksamheter,
    tillsynsobjekt: register.tillsynsobjekt,
    klassificeringar: reference.klassificeringar.map(({ kod, namn, arendetyp }) => ({ kod, namn, arendetyp })),
    kopplingsgrans: reference.kopplingsgrans,
    arenden: cases.arenden,
    kopplingar: cases.kopplingar,
    beslut: cases.beslut,
    ejVerkstallaBeslut,
    anvandare: users.anvandare,
    rolltilldelningar: users.rolltilldelningar,
  };
}

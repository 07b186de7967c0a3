import { fromEpochDay, toEpochDay } from './dates.ts';
import type { Municipality } from './geo.ts';
import { soleTraderOrganisationsnummer, type Sex } from './identifiers.ts';
import { type Random, WeightedTable } from './random.ts';
import { birthDateForAge, formatId, roundStochastically, type SeedContext, slugify, timestampBetween } from './seed-context.ts';
import {
  MUNICIPAL_OPERATION_PROFILES,
  MUNICIPAL_UNIT_KIND_WEIGHTS,
  type OperationProfile,
  PRIVATE_OPERATION_PROFILES,
  REGIONAL_UNIT_KINDS,
  UNIT_KINDS,
  type UnitKind,
  type UnitKindKey,
} from './unit-kinds.ts';
import {
  COMPANY_NAME_SUFFIXES,
  FEMALE_FIRST_NAMES,
  LAST_NAMES,
  MALE_FIRST_NAMES,
  NAME_QUALIFIERS,
  PROVIDER_NAME_STEMS,
  STREET_NAMES,
  UNIT_NAME_STEMS,
} from './vocabulary.ts';
import type { HuvudmanRecord, Kon, Malgrupp, TillsynsobjektRecord, TillsynsobjektStatus, Tillstandsstatus, VerksamhetRecord } from './world-types.ts';

/** Private providers at scale 1. Municipalities, regions and Statens institutionsstyrelse come on top. */
const PRIVATE_PROVIDERS_AT_SCALE_1 = 1180;
/** Municipal units at scale 1 beyond the one every municipality has, spread by population. */
const EXTRA_MUNICIPAL_UNITS_AT_SCALE_1 = 400;
const LATEST_PERMIT_DATE = '2026-06-30';
/** County code of Västra Götaland, where placement examples look for HVB units for teenage girls. */
const VASTRA_GOTALAND = '14';
const MIN_HVB_FOR_GIRLS_AGED_15_IN_VASTRA_GOTALAND = 40;

/** Region names by county code. */
const REGION_NAMES: Record<string, string> = {
  '01': 'Region Stockholm',
  '03': 'Region Uppsala',
  '04': 'Region Sörmland',
  '05': 'Region Östergötland',
  '06': 'Region Jönköpings län',
  '07': 'Region Kronoberg',
  '08': 'Region Kalmar län',
  '09': 'Region Gotland',
  '10': 'Region Blekinge',
  '12': 'Region Skåne',
  '13': 'Region Halland',
  '14': 'Västra Götalandsregionen',
  '17': 'Region Värmland',
  '18': 'Region Örebro län',
  '19': 'Region Västmanland',
  '20': 'Region Dalarna',
  '21': 'Region Gävleborg',
  '22': 'Region Västernorrland',
  '23': 'Region Jämtland Härjedalen',
  '24': 'Region Västerbotten',
  '25': 'Region Norrbotten',
};

/** A generated unit with the facts the case generator needs besides the record. */
export interface UnitInfo {
  record: TillsynsobjektRecord;
  kind: UnitKind;
  huvudman: HuvudmanRecord;
  kommunNamn: string;
}

/** The care register part of the world, plus lookups for later steps. */
export interface CareRegister {
  huvudman: HuvudmanRecord[];
  verksamheter: VerksamhetRecord[];
  tillsynsobjekt: TillsynsobjektRecord[];
  units: UnitInfo[];
  /** The personnummer (12 digits) of each sole trader, by huvudman id. */
  soleTraderPersonnummer: Map<string, string>;
  /** The organisationsnummer of each municipality, by municipality code. */
  kommunOrganisationsnummer: Map<string, string>;
}

interface ProviderDraft {
  record: HuvudmanRecord;
  homeKommun: Municipality;
  emailDomain: string;
}

interface OperationDraft {
  record: VerksamhetRecord;
  provider: ProviderDraft;
  profile: OperationProfile;
  units: UnitInfo[];
}

interface UnitOptions {
  kind: UnitKind;
  operation: OperationDraft;
  kommun: Municipality;
  namePrefixes?: readonly string[];
  ageRanges?: readonly (readonly [number, number])[];
  konWeights?: readonly (readonly [Kon, number])[];
  status?: TillsynsobjektStatus;
}

/**
 * Creates providers (huvudman), operations (verksamheter) and units (tillsynsobjekt). Public
 * providers come first so that their ids do not depend on the scale: the 290 municipalities, the
 * 21 regions and Statens institutionsstyrelse, then the private providers.
 */
export function generateCareRegister(context: SeedContext): CareRegister {
  const builder = new CareRegisterBuilder(context);
  const privateProviderCount = Math.max(1, Math.round(PRIVATE_PROVIDERS_AT_SCALE_1 * context.scale));
  const expectedProviders = context.geo.kommuner.length + context.geo.lan.length + 1 + privateProviderCount;

  context.progress.start('huvudman', expectedProviders);
  builder.addMunicipalities();
  builder.addRegions();
  builder.addStatensInstitutionsstyrelse();
  for (let i = 0; i < privateProviderCount; i++) {
    builder.addPrivateProvider();
    context.progress.update(builder.providers.length);
  }
  builder.ensureHvbForGirlsInVastraGotaland();
  context.progress.finish(builder.providers.length);

  return builder.finish();
}

/** Returns whether a unit is an active HVB that takes a 15-year-old girl. */
export function isActiveHvbForGirlAged15(unit: TillsynsobjektRecord): boolean {
  return (
    unit.status === 'AKTIV' &&
    unit.verksamhetstyp === 'HVB' &&
    (unit.kon === 'FLICKOR' || unit.kon === 'ALLA') &&
    unit.alderFran <= 15 &&
    unit.alderTill >= 15
  );
}

class CareRegisterBuilder {
  readonly providers: ProviderDraft[] = [];
  private readonly operations: OperationDraft[] = [];
  private readonly units: UnitInfo[] = [];
  private readonly soleTraderPersonnummer = new Map<string, string>();
  private readonly kommunOrganisationsnummer = new Map<string, string>();
  private readonly providerNames = new Set<string>();
  private readonly unitNamesByKommun = new Set<string>();
  private readonly random: Random;
  private readonly kommunTablesByCounty = new Map<string, WeightedTable<Municipality>>();
  private readonly privateProfiles: Record<'AKTIEBOLAG' | 'STIFTELSE_ELLER_FORENING' | 'ENSKILD_FIRMA', WeightedTable<OperationProfile>>;

  constructor(private readonly context: SeedContext) {
    this.random = context.random.fork('vardregister');

    for (const county of context.geo.lan) {
      const pairs = context.geo.kommuner.filter((kommun) => kommun.lanKod === county.kod).map((kommun) => [kommun, context.kommunWeights.get(kommun.kod) ?? 1] as const);
      this.kommunTablesByCounty.set(county.kod, new WeightedTable(pairs));
    }

    // Foundations and associations get three times the share of protected housing, because most
    // kvinnojourer are non-profit associations. Sole traders run none.
    const protectedShare = (profile: OperationProfile, factor: number) => (profile.unitKinds.some(([key]) => UNIT_KINDS[key].skyddatBoende) ? factor : 1);
    this.privateProfiles = {
      AKTIEBOLAG: new WeightedTable(PRIVATE_OPERATION_PROFILES),
      STIFTELSE_ELLER_FORENING: new WeightedTable(PRIVATE_OPERATION_PROFILES.map(([profile, weight]) => [profile, weight * protectedShare(profile, 3)] as const)),
      ENSKILD_FIRMA: new WeightedTable(PRIVATE_OPERATION_PROFILES.map(([profile, weight]) => [profile, weight * protectedShare(profile, 0)] as const)),
    };
  }

  addMunicipalities(): void {
    const totalWeight = [...this.context.kommunWeights.values()].reduce((sum, weight) => sum + weight, 0);

    for (const kommun of this.context.geo.kommuner) {
      const organisationsnummer = this.context.identifiers.organisationsnummer('KOMMUN');
      this.kommunOrganisationsnummer.set(kommun.kod, organisationsnummer);
      const provider = this.addProvider(kommun.fullName, organisationsnummer, 'KOMMUNAL', kommun, `${slugify(kommun.namn)}.example`);

      // Every municipality runs at least one särskilt boende, and larger ones run more units of every kind.
      const share = (this.context.kommunWeights.get(kommun.kod) ?? 1) / totalWeight;
      const unitCount = Math.max(1, roundStochastically(this.context.scale * (1 + EXTRA_MUNICIPAL_UNITS_AT_SCALE_1 * share), this.random));
      const kinds: UnitKindKey[] = ['SARSKILT_BOENDE'];
      while (kinds.length < unitCount) kinds.push(this.random.weighted(MUNICIPAL_UNIT_KIND_WEIGHTS));

      for (const profile of MUNICIPAL_OPERATION_PROFILES) {
        const profileKinds = kinds.filter((key) => profile.unitKinds.some(([candidate]) => candidate === key));
        if (profileKinds.length === 0) continue;
        const operation = this.addOperation(provider, profile, null, null);
        for (const key of profileKinds) this.addUnit({ kind: UNIT_KINDS[key], operation, kommun });
      }
    }
  }

  addRegions(): void {
    for (const county of this.context.geo.lan) {
      const namn = REGION_NAMES[county.kod];
      if (namn === undefined) throw new Error(`No region name for county code ${county.kod}.`);
      const homeKommun = this.countyKommunTable(county.kod).draw(this.random);
      const provider = this.addProvider(namn, this.context.identifiers.organisationsnummer('REGION'), 'REGIONAL', homeKommun, `${slugify(namn)}.example`);

      const key = this.random.weighted(REGIONAL_UNIT_KINDS);
      const operation = this.addOperation(provider, { label: 'Habilitering och socialpsykiatri', unitKinds: [[key, 1]] }, null, null);
      const unitCount = Math.max(1, roundStochastically(this.context.scale, this.random));
      for (let i = 0; i < unitCount; i++) {
        this.addUnit({ kind: UNIT_KINDS[key], operation, kommun: this.countyKommunTable(county.kod).draw(this.random) });
      }
    }
  }

  /** Adds the state's provider of special youth homes and LVM homes. */
  addStatensInstitutionsstyrelse(): void {
    const homeKommun = this.context.kommunByKod.get('0180') ?? this.context.kommunTable.draw(this.random);
    const provider = this.addProvider('Statens institutionsstyrelse', this.context.identifiers.organisationsnummer('STAT'), 'STATLIG', homeKommun, 'sis.example');

    const youthHomes = this.addOperation(provider, { label: 'Särskilda ungdomshem', unitKinds: [['HVB_BARN', 1]] }, null, null);
    for (let i = 0; i < Math.max(1, Math.round(14 * this.context.scale)); i++) {
      this.addUnit({
        kind: UNIT_KINDS.HVB_BARN,
        operation: youthHomes,
        kommun: this.context.kommunTable.draw(this.random),
        namePrefixes: ['Ungdomshemmet'],
        ageRanges: [[12, 20], [13, 20], [15, 20]],
      });
    }

    const lvmHomes = this.addOperation(provider, { label: 'LVM-hem', unitKinds: [['HVB_MISSBRUK', 1]] }, null, null);
    for (let i = 0; i < Math.max(1, Math.round(7 * this.context.scale)); i++) {
      this.addUnit({ kind: UNIT_KINDS.HVB_MISSBRUK, operation: lvmHomes, kommun: this.context.kommunTable.draw(this.random), namePrefixes: ['LVM-hemmet'] });
    }
  }

  /** Adds a company, foundation, association or sole trader with 1–3 operations under permit. */
  addPrivateProvider(): void {
    const random = this.random;
    const form = random.weighted([
      ['AKTIEBOLAG', 74],
      ['STIFTELSE_ELLER_FORENING', 23],
      ['ENSKILD_FIRMA', 3],
    ] as const);
    const homeKommun = this.context.kommunTable.draw(random);

    let provider: ProviderDraft;
    if (form === 'ENSKILD_FIRMA') {
      const sex: Sex = random.chance(0.7) ? 'KVINNA' : 'MAN';
      const personnummer = this.context.identifiers.personnummer(birthDateForAge(random, 30, 68, '2026-01-01'), sex);
      const firstName = random.pick(sex === 'KVINNA' ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES);
      const namn = this.uniqueProviderName(() => `${firstName} ${random.pick(LAST_NAMES)} ${random.pick(['Omsorg', 'Familjevård', 'Behandling', 'Stödboende'])}`);
      provider = this.addProvider(namn, soleTraderOrganisationsnummer(personnummer), 'ENSKILD', homeKommun, `${slugify(namn)}.example`);
      this.soleTraderPersonnummer.set(provider.record.id, personnummer);
    } else {
      const namn = form === 'AKTIEBOLAG' ? this.companyName(homeKommun) : this.associationName(homeKommun);
      const domain = `${slugify(namn.replace(/ AB$/, ''))}.example`;
      provider = this.addProvider(namn, this.context.identifiers.organisationsnummer(form), 'ENSKILD', homeKommun, domain);
    }

    const operationCount = form === 'ENSKILD_FIRMA' ? 1 : random.weighted([[1, 65], [2, 25], [3, 10]] as const);
    for (let i = 0; i < operationCount; i++) {
      const profile = this.privateProfiles[form].draw(random);
      const permitStatus = random.weighted<Tillstandsstatus>([['GALLANDE', 90], ['UPPHORT', 6], ['ATERKALLAT', 4]]);
      const operation = this.addOperation(provider, profile, random.dateBetween('1998-01-01', LATEST_PERMIT_DATE), permitStatus);

      const unitCount = random.weighted([[1, 75], [2, 17], [3, 5], [4, 2], [6, 1]] as const);
      for (let u = 0; u < unitCount; u++) {
        this.addUnit({ kind: UNIT_KINDS[random.weighted(profile.unitKinds)], operation, kommun: this.privateUnitKommun(homeKommun) });
      }
    }
  }

  /**
   * Adds active HVB units for teenage girls in Västra Götaland until there are at least 40, so
   * that placement examples always find a choice. At scale 1 the random draw already gives more,
   * and nothing is added.
   */
  ensureHvbForGirlsInVastraGotaland(): void {
    let count = this.units.filter((unit) => unit.record.lanKod === VASTRA_GOTALAND && isActiveHvbForGirlAged15(unit.record)).length;
    if (count >= MIN_HVB_FOR_GIRLS_AGED_15_IN_VASTRA_GOTALAND) return;

    const candidates = this.operations.filter(
      (operation) => operation.record.tillstandStatus === 'GALLANDE' && operation.profile.unitKinds.some(([key]) => key === 'HVB_BARN'),
    );
    if (candidates.length === 0) {
      throw new Error('No private HVB operation exists to place units for girls in Västra Götaland. Raise the scale.');
    }
    const local = candidates.filter((operation) => operation.provider.homeKommun.lanKod === VASTRA_GOTALAND);
    const pool = local.length > 0 ? local : candidates;
    const ageRanges = UNIT_KINDS.HVB_BARN.ageRanges.filter(([from, to]) => from <= 15 && to >= 15);

    while (count < MIN_HVB_FOR_GIRLS_AGED_15_IN_VASTRA_GOTALAND) {
      const operation = this.random.pick(pool);
      const home = operation.provider.homeKommun;
      const kommun = home.lanKod === VASTRA_GOTALAND ? home : this.countyKommunTable(VASTRA_GOTALAND).draw(this.random);
      this.addUnit({ kind: UNIT_KINDS.HVB_BARN, operation, kommun, ageRanges, konWeights: [['FLICKOR', 1], ['ALLA', 2]], status: 'AKTIV' });
      count++;
    }
  }

  finish(): CareRegister {
    for (const operation of this.operations) {
      if (operation.record.tillstandDatum !== null) operation.record.tillstandOmfattning = permitScope(operation);
    }
    return {
      huvudman: this.providers.map((provider) => provider.record),
      verksamheter: this.operations.map((operation) => operation.record),
      tillsynsobjekt: this.units.map((unit) => unit.record),
      units: this.units,
      soleTraderPersonnummer: this.soleTraderPersonnummer,
      kommunOrganisationsnummer: this.kommunOrganisationsnummer,
    };
  }

  private addProvider(namn: string, organisationsnummer: string, huvudmannatyp: HuvudmanRecord['huvudmannatyp'], homeKommun: Municipality, emailDomain: string): ProviderDraft {
    const record: HuvudmanRecord = { id: formatId('HM', this.providers.length + 1, 6), organisationsnummer, namn, huvudmannatyp };
    this.providerNames.add(namn);
    const provider = { record, homeKommun, emailDomain };
    this.providers.push(provider);
    return provider;
  }

  private addOperation(provider: ProviderDraft, profile: OperationProfile, tillstandDatum: string | null, tillstandStatus: Tillstandsstatus | null): OperationDraft {
    const record: VerksamhetRecord = {
      id: formatId('VH', this.operations.length + 1, 6),
      huvudmanId: provider.record.id,
      namn: `${profile.label}, ${provider.record.namn}`,
      tillstandDatum,
      tillstandOmfattning: null,
      tillstandStatus,
    };
    const operation = { record, provider, profile, units: [] };
    this.operations.push(operation);
    return operation;
  }

  private addUnit(options: UnitOptions): void {
    const { kind, operation, kommun } = options;
    const random = this.random;
    const namn = this.uniqueUnitName(kommun, options.namePrefixes ?? kind.namePrefixes);
    const [alderFran, alderTill] = random.pick(options.ageRanges ?? kind.ageRanges);
    const postal = random.pick(this.context.geo.postalCodesByKommun.get(kommun.kod) ?? []);
    const streetNumber = `${random.int(1, 120)}${random.chance(0.1) ? ` ${random.pick(['A', 'B', 'C'])}` : ''}`;
    const permitDate = operation.record.tillstandDatum;

    const malgrupper: Malgrupp[] = [...kind.baseMalgrupper];
    for (const [malgrupp, probability] of kind.extraMalgrupper) {
      if (random.chance(probability)) malgrupper.push(malgrupp);
    }

    const record: TillsynsobjektRecord = {
      id: formatId('TO', this.units.length + 1, 6),
      verksamhetId: operation.record.id,
      huvudmanId: operation.provider.record.id,
      namn,
      verksamhetstyp: kind.verksamhetstyp,
      verksamhetsomrade: kind.verksamhetsomrade,
      status: options.status ?? this.unitStatus(operation),
      kommunKod: kommun.kod,
      lanKod: kommun.lanKod,
      gatuadress: `${random.pick(STREET_NAMES)} ${streetNumber}`,
      postnummer: postal.postnummer,
      postort: postal.postort,
      // NOTE: the numbers are invented, not taken from a range reserved for fiction, so one may
      // belong to a real subscriber.
      telefon: `010-${random.digits(3)} ${random.digits(2)} ${random.digits(2)}`,
      epost: `${slugify(namn)}@${operation.provider.emailDomain}`,
      malgrupper,
      alderFran,
      alderTill,
      kon: random.weighted(options.konWeights ?? kind.konWeights),
      antalPlatser: random.int(kind.antalPlatser[0], kind.antalPlatser[1]),
      tillstandsdatum: permitDate === null ? null : laterPermitDate(random, permitDate),
      skyddatBoende: kind.skyddatBoende,
      senastAndrad: timestampBetween(random, '2024-01-01', '2026-11-30'),
    };

    const unit = { record, kind, huvudman: operation.provider.record, kommunNamn: kommun.namn };
    operation.units.push(unit);
    this.units.push(unit);
  }

  private unitStatus(operation: OperationDraft): TillsynsobjektStatus {
    const permitStatus = operation.record.tillstandStatus;
    if (permitStatus !== null && permitStatus !== 'GALLANDE') return 'UPPHORD';
    if (permitStatus === null) return this.random.weighted<TillsynsobjektStatus>([['AKTIV', 90], ['VILANDE', 3], ['UPPHORD', 7]]);
    return this.random.weighted<TillsynsobjektStatus>([['AKTIV', 86], ['VILANDE', 4], ['UPPHORD', 10]]);
  }

  /** Most units lie in the provider's home municipality, some elsewhere in its county or the country. */
  private privateUnitKommun(home: Municipality): Municipality {
    const draw = this.random.next();
    if (draw < 0.65) return home;
    if (draw < 0.9) return this.countyKommunTable(home.lanKod).draw(this.random);
    return this.context.kommunTable.draw(this.random);
  }

  private countyKommunTable(lanKod: string): WeightedTable<Municipality> {
    const table = this.kommunTablesByCounty.get(lanKod);
    if (!table) throw new Error(`No municipality found in county ${lanKod}.`);
    return table;
  }

  private companyName(home: Municipality): string {
    const random = this.random;
    // Brand words and unit-like place names ("Björkbacken Omsorg AB") give about 1,500 short names.
    const stem = () => (random.chance(0.55) ? random.pick(PROVIDER_NAME_STEMS) : random.pick(UNIT_NAME_STEMS));
    return this.uniqueProviderName(
      () => `${stem()} ${random.pick(COMPANY_NAME_SUFFIXES)} AB`,
      () => `${stem()} ${random.pick(COMPANY_NAME_SUFFIXES)} i ${home.namn} AB`,
    );
  }

  private associationName(home: Municipality): string {
    const random = this.random;
    const compose = () => {
      switch (random.int(0, 3)) {
        case 0:
          return `Stiftelsen ${random.pick(PROVIDER_NAME_STEMS)}`;
        case 1:
          return `Stiftelsen ${random.pick(UNIT_NAME_STEMS)}`;
        case 2:
          return `Föreningen ${random.pick(PROVIDER_NAME_STEMS)}`;
        default:
          return `${random.pick(PROVIDER_NAME_STEMS)} ideell förening`;
      }
    };
    return this.uniqueProviderName(compose, () => `${compose()} i ${home.namn}`);
  }

  /** Draws names until one is unused. After a few tries it switches to the longer form, then adds a number. */
  private uniqueProviderName(compose: () => string, composeLonger: () => string = compose): string {
    for (let attempt = 0; attempt < 12; attempt++) {
      const namn = attempt < 6 ? compose() : composeLonger();
      if (!this.providerNames.has(namn)) return namn;
    }
    const base = composeLonger();
    for (let suffix = 2; ; suffix++) {
      const namn = base.endsWith(' AB') ? `${base.slice(0, -3)} ${suffix} AB` : `${base} ${suffix}`;
      if (!this.providerNames.has(namn)) return namn;
    }
  }

  /** Returns a unit name not yet used in the municipality ("HVB Björkbacken"). */
  private uniqueUnitName(kommun: Municipality, prefixes: readonly string[]): string {
    let namn = '';
    for (let attempt = 0; attempt < 16; attempt++) {
      // Large municipalities run out of plain names, so later attempts add a word such as "Lilla".
      const qualifier = attempt < 8 ? '' : `${this.random.pick(NAME_QUALIFIERS)} `;
      namn = `${this.random.pick(prefixes)} ${qualifier}${this.random.pick(UNIT_NAME_STEMS)}`;
      if (!this.unitNamesByKommun.has(`${kommun.kod}|${namn}`)) break;
    }
    const base = namn;
    for (let suffix = 2; this.unitNamesByKommun.has(`${kommun.kod}|${namn}`); suffix++) namn = `${base} ${suffix}`;
    this.unitNamesByKommun.add(`${kommun.kod}|${namn}`);
    return namn;
  }
}

/** Returns the unit's own permit date: the operation's, or a later extension of it. */
function laterPermitDate(random: Random, operationPermitDate: string): string {
  const first = toEpochDay(operationPermitDate);
  const last = Math.min(first + 1800, toEpochDay(LATEST_PERMIT_DATE));
  return random.chance(0.6) ? operationPermitDate : fromEpochDay(random.int(first, last));
}

/** Describes what a private operation's permit covers, from its units ("… 13–17 år, flickor, högst 8 platser."). */
function permitScope(operation: OperationDraft): string {
  const descriptions = [...new Set(operation.units.map((unit) => unit.kind.beskrivning))];
  const records = operation.units.map((unit) => unit.record);
  const youngest = Math.min(...records.map((unit) => unit.alderFran));
  const oldest = Math.max(...records.map((unit) => unit.alderTill));
  const places = records.reduce((sum, unit) => sum + unit.antalPlatser, 0);
  const kon = new Set(records.map((unit) => unit.kon));
  const konText = kon.size === 1 && kon.has('FLICKOR') ? ', flickor' : kon.size === 1 && kon.has('POJKAR') ? ', pojkar' : '';

  const text = `${descriptions.join(' samt ')}, ${youngest}–${oldest} år${konText}, högst ${places} platser.`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

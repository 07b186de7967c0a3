import { createHash } from 'node:crypto';
import organisationsnummerModule from 'organisationsnummer';
import personnummerModule from 'personnummer';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXED_COMMITTEES, FIXED_USER_RECORDS, FIXED_USERS } from './fixed-users.ts';
import { isActiveHvbForGirlAged15 } from './generate-care-register.ts';
import { generateWorld } from './generate-world.ts';
import { loadGeo } from './geo.ts';
import { VERKSAMHETSOMRADEN, type World } from './world-types.ts';

// Both packages are CommonJS with `module.exports = Class`, but their types declare `export default`,
// so under nodenext the default import is typed as a namespace with a `default` property. At run
// time it is the class itself. Taking `default` when present covers both.
const Organisationsnummer = (organisationsnummerModule as unknown as { default?: typeof organisationsnummerModule.default }).default ?? (organisationsnummerModule as unknown as typeof organisationsnummerModule.default);
const Personnummer = (personnummerModule as unknown as { default?: typeof personnummerModule.default }).default ?? (personnummerModule as unknown as typeof personnummerModule.default);

let world: World;

beforeAll(() => {
  world = generateWorld({ scale: 1 });
});

function hashWorld(value: World): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

describe('generateWorld', () => {
  it('gives identical output for the same scale', () => {
    expect(hashWorld(generateWorld({ scale: 1 }))).toBe(hashWorld(world));
  });

  it('meets the scale 1 count targets', () => {
    expect(world.lan).toHaveLength(21);
    expect(world.kommuner).toHaveLength(290);
    expect(world.namnder.length).toBeGreaterThanOrEqual(540);
    expect(world.namnder.length).toBeLessThanOrEqual(660);
    expect(world.huvudman.length).toBeGreaterThanOrEqual(1350);
    expect(world.huvudman.length).toBeLessThanOrEqual(1650);
    expect(world.tillsynsobjekt.length).toBeGreaterThanOrEqual(2700);
    expect(world.tillsynsobjekt.length).toBeLessThanOrEqual(3300);
    expect(world.arenden.length).toBeGreaterThanOrEqual(36_000);
    expect(world.arenden.length).toBeLessThanOrEqual(44_000);
    expect(world.ejVerkstallaBeslut.length).toBeGreaterThanOrEqual(18_000);
    expect(world.ejVerkstallaBeslut.length).toBeLessThanOrEqual(22_000);
    expect(world.anvandare.length).toBeGreaterThanOrEqual(1800);
    expect(world.anvandare.length).toBeLessThanOrEqual(2200);
  });

  it('has every kind of provider', () => {
    const byType = countBy(world.huvudman, (huvudman) => huvudman.huvudmannatyp);
    expect(byType.get('KOMMUNAL')).toBe(290);
    expect(byType.get('REGIONAL')).toBe(21);
    expect(byType.get('STATLIG')).toBe(1);
    expect(byType.get('ENSKILD')).toBeGreaterThan(1000);
  });

  it('gives every provider 1–3 operations', () => {
    const perProvider = countBy(world.verksamheter, (verksamhet) => verksamhet.huvudmanId);
    const outside = world.huvudman.filter((huvudman) => {
      const count = perProvider.get(huvudman.id) ?? 0;
      return count < 1 || count > 3;
    });
    expect(outside).toEqual([]);
  });

  it('has valid organisationsnummer', () => {
    const invalid = world.huvudman.filter((huvudman) => !Organisationsnummer.valid(huvudman.organisationsnummer));
    expect(invalid).toEqual([]);
    const misformatted = world.huvudman.filter((huvudman) => !/^\d{6}-\d{4}$/.test(huvudman.organisationsnummer));
    expect(misformatted).toEqual([]);
    const duplicates = world.huvudman.length - new Set(world.huvudman.map((huvudman) => huvudman.organisationsnummer)).size;
    expect(duplicates).toBe(0);
  });

  it('has valid personnummer', () => {
    const userNumbers = world.anvandare.flatMap((user) => (user.personnummer === null ? [] : [user.personnummer]));
    const partyNumbers = world.arenden.filter((arende) => arende.partTyp === 'PERSON').map((arende) => arende.partIdentitet);
    expect(userNumbers.filter((personnummer) => !/^\d{12}$/.test(personnummer) || !Personnummer.valid(personnummer))).toEqual([]);
    expect(partyNumbers.filter((personnummer) => !/^\d{12}$/.test(personnummer) || !Personnummer.valid(personnummer))).toEqual([]);
    expect(partyNumbers.length).toBeGreaterThan(0);
  });

  it('gives sole traders the owner personnummer', () => {
    const soleTraders = world.huvudman.filter((huvudman) => Organisationsnummer.parse(huvudman.organisationsnummer).isPersonnummer());
    expect(soleTraders.length).toBeGreaterThan(0);
    expect(soleTraders.filter((huvudman) => huvudman.huvudmannatyp !== 'ENSKILD')).toEqual([]);

    const soleTraderNames = new Set(soleTraders.map((huvudman) => huvudman.namn));
    const parties = world.arenden.filter((arende) => soleTraderNames.has(arende.partNamn));
    expect(parties.filter((arende) => arende.partTyp !== 'PERSON')).toEqual([]);
    const byName = new Map(soleTraders.map((huvudman) => [huvudman.namn, huvudman.organisationsnummer]));
    const mismatched = parties.filter((arende) => `${arende.partIdentitet.slice(2, 8)}-${arende.partIdentitet.slice(8)}` !== byName.get(arende.partNamn));
    expect(mismatched).toEqual([]);
  });

  it('keeps references between sources intact', () => {
    const kommunKoder = new Set(world.kommuner.map((kommun) => kommun.kod));
    const lanKoder = new Set(world.lan.map((lan) => lan.kod));
    const unitIds = new Set(world.tillsynsobjekt.map((unit) => unit.id));
    const namndIds = new Set(world.namnder.map((namnd) => namnd.id));
    const diarienummer = new Set(world.arenden.map((arende) => arende.diarienummer));
    const huvudmanIds = new Set(world.huvudman.map((huvudman) => huvudman.id));
    const verksamhetIds = new Set(world.verksamheter.map((verksamhet) => verksamhet.id));
    const userIds = new Set(world.anvandare.map((user) => user.id));
    const codes = new Set(world.klassificeringar.map((klassificering) => klassificering.kod));

    expect(world.kommuner.filter((kommun) => !lanKoder.has(kommun.lanKod))).toEqual([]);
    expect(world.tillsynsobjekt.filter((unit) => !kommunKoder.has(unit.kommunKod) || unit.lanKod !== unit.kommunKod.slice(0, 2))).toEqual([]);
    expect(world.tillsynsobjekt.filter((unit) => !huvudmanIds.has(unit.huvudmanId) || !verksamhetIds.has(unit.verksamhetId))).toEqual([]);
    expect(world.verksamheter.filter((verksamhet) => !huvudmanIds.has(verksamhet.huvudmanId))).toEqual([]);
    expect(world.namnder.filter((namnd) => !kommunKoder.has(namnd.kommunKod))).toEqual([]);
    expect(world.kopplingar.filter((koppling) => !unitIds.has(koppling.tillsynsobjektId) || !diarienummer.has(koppling.diarienummer))).toEqual([]);
    expect(world.ejVerkstallaBeslut.filter((report) => !namndIds.has(report.namndId))).toEqual([]);
    expect(world.rolltilldelningar.filter((roll) => roll.namndId !== null && !namndIds.has(roll.namndId))).toEqual([]);
    expect(world.rolltilldelningar.filter((roll) => !userIds.has(roll.anvandareId))).toEqual([]);
    expect(world.beslut.filter((beslut) => !diarienummer.has(beslut.diarienummer))).toEqual([]);
    expect(world.arenden.filter((arende) => !codes.has(arende.klassificeringKod))).toEqual([]);
  });

  it('puts units at postal codes of their municipality', () => {
    const geo = loadGeo();
    const misplaced = world.tillsynsobjekt.filter(
      (unit) => !(geo.postalCodesByKommun.get(unit.kommunKod) ?? []).some((postal) => postal.postnummer === unit.postnummer && postal.postort === unit.postort),
    );
    expect(misplaced).toEqual([]);
  });

  it('numbers ids sequentially with zero padding', () => {
    expect(world.tillsynsobjekt.map((unit) => unit.id).slice(0, 2)).toEqual(['TO-000001', 'TO-000002']);
    expect(world.tillsynsobjekt.every((unit, index) => unit.id === `TO-${String(index + 1).padStart(6, '0')}`)).toBe(true);
    expect(world.huvudman.every((huvudman, index) => huvudman.id === `HM-${String(index + 1).padStart(6, '0')}`)).toBe(true);
    expect(world.verksamheter.every((verksamhet, index) => verksamhet.id === `VH-${String(index + 1).padStart(6, '0')}`)).toBe(true);
    expect(world.beslut.every((beslut, index) => beslut.id === `B-${String(index + 1).padStart(7, '0')}`)).toBe(true);
    expect(world.ejVerkstallaBeslut.every((report, index) => report.id === `EVB-${String(index + 1).padStart(7, '0')}`)).toBe(true);
    expect(world.namnder.every((namnd, index) => namnd.id === `N-${String(index + 1).padStart(4, '0')}`)).toBe(true);
    expect(world.anvandare.every((user, index) => user.id === `A-${String(index + 1).padStart(5, '0')}`)).toBe(true);
    expect(world.rolltilldelningar.every((roll, index) => roll.id === `R-${String(index + 1).padStart(5, '0')}`)).toBe(true);
  });
});

describe('generateWorld committees and users', () => {
  it('covers all four areas in every municipality', () => {
    const areasByKommun = new Map<string, Set<string>>();
    for (const namnd of world.namnder) {
      const areas = areasByKommun.get(namnd.kommunKod) ?? new Set();
      for (const area of namnd.verksamhetsomraden) areas.add(area);
      areasByKommun.set(namnd.kommunKod, areas);
    }
    const incomplete = world.kommuner.filter((kommun) => (areasByKommun.get(kommun.kod)?.size ?? 0) !== VERKSAMHETSOMRADEN.length);
    expect(incomplete).toEqual([]);
  });

  it('gives every committee an active huvudrapportör', () => {
    const headed = new Set(world.rolltilldelningar.filter((roll) => roll.roll === 'HUVUDRAPPORTOR' && roll.giltigTill === null).map((roll) => roll.namndId));
    expect(world.namnder.filter((namnd) => !headed.has(namnd.id))).toEqual([]);
  });

  it('limits roles to their committee areas', () => {
    const namndById = new Map(world.namnder.map((namnd) => [namnd.id, namnd]));
    const outside = world.rolltilldelningar.filter((roll) => {
      const namnd = roll.namndId === null ? undefined : namndById.get(roll.namndId);
      return namnd !== undefined && (roll.verksamhetsomraden.length === 0 || roll.verksamhetsomraden.some((area) => !namnd.verksamhetsomraden.includes(area)));
    });
    expect(outside).toEqual([]);
  });

  it('gives one MAS per municipality and about 40 IVO handläggare', () => {
    const namndById = new Map(world.namnder.map((namnd) => [namnd.id, namnd]));
    const masKommuner = world.rolltilldelningar.filter((roll) => roll.roll === 'MEDICINSKT_ANSVARIG_SJUKSKOTERSKA').map((roll) => namndById.get(roll.namndId ?? '')?.kommunKod);
    expect(new Set(masKommuner).size).toBe(290);
    expect(masKommuner).toHaveLength(290);
    const ivo = world.rolltilldelningar.filter((roll) => roll.roll === 'IVO_HANDLAGGARE');
    expect(ivo).toHaveLength(40);
    expect(ivo.filter((roll) => roll.namndId !== null || roll.verksamhetsomraden.length !== 4)).toEqual([]);
  });

  it('gives users one login identity', () => {
    const masUsers = new Set(world.rolltilldelningar.filter((roll) => roll.roll === 'MEDICINSKT_ANSVARIG_SJUKSKOTERSKA').map((roll) => roll.anvandareId));
    expect(world.anvandare.filter((user) => user.personnummer === null && user.hsaId === null)).toEqual([]);
    expect(world.anvandare.filter((user) => user.personnummer !== null && user.hsaId !== null && !masUsers.has(user.id))).toEqual([]);
    expect(world.anvandare.filter((user) => user.hsaId !== null && !/^SE\d{10}-E\d{12}$/.test(user.hsaId))).toEqual([]);
  });

  it('has users in two committees and ended roles', () => {
    const committeesPerUser = new Map<string, Set<string>>();
    for (const roll of world.rolltilldelningar) {
      if (roll.namndId === null) continue;
      const committees = committeesPerUser.get(roll.anvandareId) ?? new Set();
      committees.add(roll.namndId);
      committeesPerUser.set(roll.anvandareId, committees);
    }
    expect([...committeesPerUser.values()].filter((committees) => committees.size === 2).length).toBeGreaterThan(0);
    expect(world.rolltilldelningar.filter((roll) => roll.giltigTill !== null && roll.giltigTill < '2026-01-01').length).toBeGreaterThan(0);
  });

  it('creates the fixed users first with their roles', () => {
    expect(world.anvandare.slice(0, 6).map((user) => user.id)).toEqual(Object.values(FIXED_USERS));
    for (const fixed of FIXED_USER_RECORDS) {
      const user = world.anvandare.find((candidate) => candidate.id === fixed.id);
      const roles = world.rolltilldelningar.filter((roll) => roll.anvandareId === fixed.id);
      expect(user).toEqual({ id: fixed.id, namn: fixed.namn, epost: fixed.epost, personnummer: fixed.personnummer, hsaId: fixed.hsaId });
      expect(roles.map(({ roll, namndId, verksamhetsomraden, giltigTill }) => ({ roll, namndId, verksamhetsomraden, giltigTill }))).toEqual([
        { roll: fixed.roll, namndId: fixed.namndId, verksamhetsomraden: fixed.verksamhetsomraden, giltigTill: null },
      ]);
    }
  });

  it('places the fixed users as documented', () => {
    const role = (id: string) => world.rolltilldelningar.find((roll) => roll.anvandareId === id);
    expect(world.anvandare[0]?.namn).toBe('Ingrid Ivarsson');
    expect(role(FIXED_USERS.ivoHandlaggare)?.roll).toBe('IVO_HANDLAGGARE');
    expect(role(FIXED_USERS.huvudrapportorGoteborg)).toMatchObject({ roll: 'HUVUDRAPPORTOR', namndId: 'N-0001', verksamhetsomraden: ['SOL_IFO', 'SOL_FUNKTIONSNEDSATTNING'] });
    expect(role(FIXED_USERS.rapportorGoteborgIfo)).toMatchObject({ roll: 'RAPPORTOR', namndId: 'N-0001', verksamhetsomraden: ['SOL_IFO'] });
    expect(role(FIXED_USERS.rapportorGoteborgFunktionsnedsattning)).toMatchObject({ roll: 'RAPPORTOR', namndId: 'N-0001', verksamhetsomraden: ['SOL_FUNKTIONSNEDSATTNING'] });
    expect(role(FIXED_USERS.masGoteborg)).toMatchObject({ roll: 'MEDICINSKT_ANSVARIG_SJUKSKOTERSKA', namndId: 'N-0002', verksamhetsomraden: ['SOL_ALDREOMSORG'] });
    expect(role(FIXED_USERS.huvudrapportorStockholm)).toMatchObject({ roll: 'HUVUDRAPPORTOR', namndId: 'N-0003' });
    expect(world.namnder.slice(0, 3).map((namnd) => [namnd.id, namnd.kommunKod])).toEqual([
      [FIXED_COMMITTEES.goteborgCentrum, '1480'],
      [FIXED_COMMITTEES.goteborgAldreVardOmsorg, '1480'],
      [FIXED_COMMITTEES.stockholmSodermalm, '0180'],
    ]);
  });

  it('issues the MAS HSA-id under Göteborgs kommun', () => {
    const goteborg = world.huvudman.find((huvudman) => huvudman.namn === 'Göteborgs kommun');
    const mas = world.anvandare.find((user) => user.id === FIXED_USERS.masGoteborg);
    expect(mas?.hsaId?.startsWith(`SE${goteborg?.organisationsnummer.replace('-', '')}-`)).toBe(true);
  });
});

describe('generateWorld cases', () => {
  it('numbers cases uniquely by code and year', () => {
    expect(new Set(world.arenden.map((arende) => arende.diarienummer)).size).toBe(world.arenden.length);
    const malformed = world.arenden.filter((arende) => {
      const match = /^(\d+(?:\.\d+)*)-(\d+)\/(\d{4})$/.exec(arende.diarienummer);
      return !match || match[1] !== arende.klassificeringKod || match[3] !== arende.inkom.slice(0, 4);
    });
    expect(malformed).toEqual([]);
  });

  it('opens cases between 2015 and November 2026', () => {
    expect(world.arenden.filter((arende) => arende.inkom < '2015-01-01' || arende.inkom > '2026-11-30')).toEqual([]);
    expect(world.arenden.filter((arende) => (arende.status === 'AVSLUTAT') !== (arende.avslutat !== null))).toEqual([]);
    expect(world.arenden.filter((arende) => arende.avslutat !== null && arende.avslutat <= arende.inkom)).toEqual([]);
  });

  it('keeps recent cases open more often', () => {
    const openShare = (from: string, to: string) => {
      const cases = world.arenden.filter((arende) => arende.inkom >= from && arende.inkom <= to);
      return cases.filter((arende) => arende.status === 'OPPET').length / cases.length;
    };
    expect(openShare('2026-06-01', '2026-11-30')).toBeGreaterThan(openShare('2018-01-01', '2022-12-31'));
  });

  it('links no case opened before the cut-off', () => {
    const inkom = new Map(world.arenden.map((arende) => [arende.diarienummer, arende.inkom]));
    expect(world.kopplingar.filter((koppling) => (inkom.get(koppling.diarienummer) ?? '') < world.kopplingsgrans)).toEqual([]);
  });

  it('links most cases after the cut-off', () => {
    const after = world.arenden.filter((arende) => arende.inkom >= world.kopplingsgrans).length;
    const byMethod = countBy(world.kopplingar, (koppling) => koppling.metod);
    expect((byMethod.get('EXPLICIT') ?? 0) / after).toBeGreaterThan(0.65);
    expect((byMethod.get('EXPLICIT') ?? 0) / after).toBeLessThan(0.75);
    expect((byMethod.get('NAMNMATCHNING') ?? 0) / after).toBeGreaterThan(0.2);
    expect((byMethod.get('NAMNMATCHNING') ?? 0) / after).toBeLessThan(0.3);
    expect(world.kopplingar.length).toBeLessThan(after);
  });

  it('gives each link method its confidence', () => {
    expect(world.kopplingar.filter((koppling) => koppling.metod === 'EXPLICIT' && koppling.konfidens !== 1)).toEqual([]);
    expect(world.kopplingar.filter((koppling) => koppling.metod === 'NAMNMATCHNING' && !(koppling.konfidens > 0 && koppling.konfidens < 1))).toEqual([]);
  });

  it('gives every active unit a supervision case after the cut-off', () => {
    const typeByCode = new Map(world.klassificeringar.map((klassificering) => [klassificering.kod, klassificering.arendetyp]));
    const supervision = new Set(
      world.arenden.filter((arende) => typeByCode.get(arende.klassificeringKod) === 'TILLSYN' && arende.inkom >= world.kopplingsgrans).map((arende) => arende.diarienummer),
    );
    const supervised = new Set(world.kopplingar.filter((koppling) => supervision.has(koppling.diarienummer)).map((koppling) => koppling.tillsynsobjektId));
    expect(world.tillsynsobjekt.filter((unit) => unit.status === 'AKTIV' && !supervised.has(unit.id))).toEqual([]);
  });

  it('dates decisions after inkom with a fitting type', () => {
    const typeByCode = new Map(world.klassificeringar.map((klassificering) => [klassificering.kod, klassificering.arendetyp]));
    const caseById = new Map(world.arenden.map((arende) => [arende.diarienummer, arende]));
    const allowed = {
      TILLSTAND: ['TILLSTAND_BEVILJAT', 'TILLSTAND_AVSLAGET'],
      TILLSYN: ['FORELAGGANDE', 'FORELAGGANDE_MED_VITE', 'KRITIK', 'INGEN_ATGARD'],
      UPPLYSNING: ['KRITIK', 'INGEN_ATGARD'],
    };
    const wrongType = world.beslut.filter((beslut) => {
      const arendetyp = typeByCode.get(caseById.get(beslut.diarienummer)?.klassificeringKod ?? '');
      return arendetyp === undefined || !allowed[arendetyp].includes(beslut.beslutstyp);
    });
    expect(wrongType).toEqual([]);
    expect(world.beslut.filter((beslut) => beslut.datum <= (caseById.get(beslut.diarienummer)?.inkom ?? ''))).toEqual([]);
    expect(world.beslut.filter((beslut) => beslut.sammanfattning.length < 20)).toEqual([]);
  });

  it('gives closed cases 1–2 decisions and open ones 0–1', () => {
    const perCase = countBy(world.beslut, (beslut) => beslut.diarienummer);
    expect(world.arenden.filter((arende) => arende.status === 'AVSLUTAT' && ![1, 2].includes(perCase.get(arende.diarienummer) ?? 0))).toEqual([]);
    expect(world.arenden.filter((arende) => arende.status === 'OPPET' && (perCase.get(arende.diarienummer) ?? 0) > 1)).toEqual([]);
  });
});

describe('generateWorld units', () => {
  it('offers 40 HVB units to girls of 15', () => {
    const units = world.tillsynsobjekt.filter((unit) => unit.lanKod === '14' && isActiveHvbForGirlAged15(unit));
    expect(units.length).toBeGreaterThanOrEqual(40);
  });

  it('makes HVB and stödboende the largest group', () => {
    const placement = world.tillsynsobjekt.filter((unit) => unit.verksamhetstyp === 'HVB' || unit.verksamhetstyp === 'STODBOENDE');
    expect(placement.length / world.tillsynsobjekt.length).toBeGreaterThan(0.45);
    expect(new Set(world.tillsynsobjekt.map((unit) => unit.verksamhetsomrade)).size).toBe(4);
  });

  it('keeps skyddade boenden at 2–4 % of units', () => {
    const skyddade = world.tillsynsobjekt.filter((unit) => unit.skyddatBoende);
    expect(skyddade.length / world.tillsynsobjekt.length).toBeGreaterThanOrEqual(0.02);
    expect(skyddade.length / world.tillsynsobjekt.length).toBeLessThanOrEqual(0.04);
    expect(skyddade.filter((unit) => unit.verksamhetstyp !== 'HVB' || !unit.malgrupper.includes('VALD_I_NARA_RELATION'))).toEqual([]);
  });

  it('gives the largest cities the most units', () => {
    const perKommun = countBy(world.tillsynsobjekt, (unit) => unit.kommunKod);
    const ranked = [...perKommun.entries()].sort((a, b) => b[1] - a[1]).map(([kod]) => kod);
    expect(ranked.slice(0, 3)).toContain('0180');
    expect(ranked.slice(0, 5)).toContain('1480');
    expect(ranked.slice(0, 5)).toContain('1280');
  });

  it('fits age ranges to the unit type', () => {
    expect(world.tillsynsobjekt.filter((unit) => unit.verksamhetstyp === 'SARSKILT_BOENDE' && unit.alderFran < 65)).toEqual([]);
    expect(world.tillsynsobjekt.filter((unit) => unit.verksamhetstyp === 'STODBOENDE' && (unit.alderFran < 16 || unit.alderTill > 21))).toEqual([]);
    expect(world.tillsynsobjekt.filter((unit) => unit.alderFran > unit.alderTill)).toEqual([]);
  });

  it('dates senastAndrad in 2024–2026', () => {
    expect(world.tillsynsobjekt.filter((unit) => !/^202[4-6]-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(unit.senastAndrad))).toEqual([]);
  });
});

describe('generateWorld EVB reports', () => {
  it('encodes birth date and kön in pseudo-identities', () => {
    expect(world.ejVerkstallaBeslut.filter((report) => !/^\d{8}-[A-Z]\d{3}$/.test(report.pseudoidentitet))).toEqual([]);
    const wrongParity = world.ejVerkstallaBeslut.filter((report) => Number(report.pseudoidentitet.at(-1)) % 2 !== (report.kon === 'MAN' ? 1 : 0));
    expect(wrongParity).toEqual([]);
  });

  it('matches lagrum to the area and the committee', () => {
    const namndById = new Map(world.namnder.map((namnd) => [namnd.id, namnd]));
    expect(world.ejVerkstallaBeslut.filter((report) => report.lagrum !== (report.verksamhetsomrade === 'LSS' ? 'LSS' : 'SOL'))).toEqual([]);
    expect(world.ejVerkstallaBeslut.filter((report) => !namndById.get(report.namndId)?.verksamhetsomraden.includes(report.verksamhetsomrade))).toEqual([]);
  });

  it('reports quarters 2021-Q1 to 2026-Q3 with status dates', () => {
    const quarters = new Set(world.ejVerkstallaBeslut.map((report) => report.rapporteringskvartal));
    expect([...quarters].sort()[0]).toBe('2021-Q1');
    expect([...quarters].sort().at(-1)).toBe('2026-Q3');
    expect(quarters.size).toBe(23);
    const byStatus = countBy(world.ejVerkstallaBeslut, (report) => report.status);
    expect((byStatus.get('EJ_VERKSTALLT') ?? 0) / world.ejVerkstallaBeslut.length).toBeGreaterThan(0.5);
    expect(world.ejVerkstallaBeslut.filter((report) => (report.status === 'VERKSTALLT') !== (report.verkstalltDatum !== null))).toEqual([]);
    expect(world.ejVerkstallaBeslut.filter((report) => (report.status === 'AVSLUTAT') !== (report.avslutatDatum !== null))).toEqual([]);
  });

  it('has open reports for N-0001 in both its areas', () => {
    const open = world.ejVerkstallaBeslut.filter((report) => report.namndId === FIXED_COMMITTEES.goteborgCentrum && report.status === 'EJ_VERKSTALLT');
    expect(open.some((report) => report.verksamhetsomrade === 'SOL_IFO')).toBe(true);
    expect(open.some((report) => report.verksamhetsomrade === 'SOL_FUNKTIONSNEDSATTNING')).toBe(true);
  });
});

describe('generateWorld scaling and progress', () => {
  it('roughly doubles units and cases at scale 2', () => {
    const doubled = generateWorld({ scale: 2 });
    const unitRatio = doubled.tillsynsobjekt.length / world.tillsynsobjekt.length;
    const caseRatio = doubled.arenden.length / world.arenden.length;
    expect(unitRatio).toBeGreaterThan(1.8);
    expect(unitRatio).toBeLessThan(2.2);
    expect(caseRatio).toBeGreaterThan(1.8);
    expect(caseRatio).toBeLessThan(2.2);
    expect(doubled.namnder).toHaveLength(world.namnder.length);
    expect(doubled.anvandare.slice(0, 6)).toEqual(world.anvandare.slice(0, 6));
  });

  it('reports progress per step at a modest rate', () => {
    const calls: [string, number, number][] = [];
    generateWorld({ scale: 0.1, onProgress: (step, done, total) => calls.push([step, done, total]) });
    const steps = [...new Set(calls.map(([step]) => step))];
    expect(steps).toEqual(['namnder', 'huvudman', 'arenden', 'ejVerkstallaBeslut', 'anvandare']);
    for (const step of steps) {
      const stepCalls = calls.filter(([name]) => name === step);
      expect(stepCalls.length).toBeLessThanOrEqual(25);
      const last = stepCalls.at(-1);
      expect(last?.[1]).toBe(last?.[2]);
    }
  });

  it('rejects an invalid scale', () => {
    expect(() => generateWorld({ scale: 0 })).toThrow(RangeError);
    expect(() => generateWorld({ scale: Number.NaN })).toThrow(/Invalid seed scale/);
  });
});

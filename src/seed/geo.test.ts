import { describe, expect, it } from 'vitest';
import { addFallbackPostalCodes, loadGeo, type Municipality, type PostalCode } from './geo.ts';

describe('loadGeo', () => {
  it('reads the SCB reference data', () => {
    const geo = loadGeo();
    expect(geo.lan).toHaveLength(21);
    expect(geo.kommuner).toHaveLength(290);
    expect(geo.lan[0]).toEqual({ kod: '01', namn: 'Stockholms län' });
    expect(geo.kommuner.find((kommun) => kommun.kod === '1480')).toEqual({ kod: '1480', namn: 'Göteborg', fullName: 'Göteborgs kommun', lanKod: '14' });
    expect(geo.kommuner.filter((kommun) => (geo.postalCodesByKommun.get(kommun.kod)?.length ?? 0) === 0)).toEqual([]);
  });

  it('invents a postal code for a municipality without one', () => {
    const kommuner: Municipality[] = [
      { kod: '2401', namn: 'Nordby', fullName: 'Nordby kommun', lanKod: '24' },
      { kod: '2402', namn: 'Sydby', fullName: 'Sydby kommun', lanKod: '24' },
    ];
    const postalCodes = new Map<string, PostalCode[]>([
      ['2401', [{ postnummer: '90325', postort: 'Nordby' }, { postnummer: '90420', postort: 'Nordby' }, { postnummer: '91131', postort: 'Nordby' }]],
    ]);
    addFallbackPostalCodes(kommuner, postalCodes);
    expect(postalCodes.get('2402')).toEqual([{ postnummer: '90400', postort: 'Sydby' }]);
    expect(postalCodes.get('2401')).toHaveLength(3);
  });
});

/** One benchmark scenario: a fixed operation with its variables, sent as one caller. */
export interface Scenario {
  name: ScenarioName;
  /** Short description of the operation, for the report. */
  description: string;
  /** Seeded user id the development token is issued for; null sends no token (anonymous). */
  user: string | null;
  query: string;
  variables: Record<string, unknown>;
  /** Variable that sets the page size, and a small value to compare its SQL statement count with. */
  pageSize: { variable: string; small: number };
  /**
   * True when the caller is expected to meet withheld fields (FORBIDDEN at their path), which
   * then do not count as errors. Any other error does.
   */
  withheldFieldsExpected: boolean;
}

export const SCENARIO_NAMES = ['oppen-lista', 'placering', 'evb', 'enhet'] as const;
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

/** Returns the first day of the period "the last three years" before `today`, as YYYY-MM-DD. */
export function threeYearsBefore(today: Date): string {
  const start = new Date(Date.UTC(today.getUTCFullYear() - 3, today.getUTCMonth(), today.getUTCDate()));
  return start.toISOString().slice(0, 10);
}

const OPPEN_LISTA = `query OppenLista($first: Int!) {
  sokTillsynsobjekt(filter: { status: [AKTIV] }, first: $first) {
    totalCount
    edges { node { id namn verksamhetstyp status kommun { kod namn lan { kod namn } } huvudman { namn organisationsnummer huvudmannatyp } } }
  }
}`;

const PLACERING = `query Placering($filter: TillsynsobjektFilter!, $first: Int!, $inkomFran: Datum!) {
  placeringsalternativ(filter: $filter, first: $first) {
    totalCount
    edges {
      node {
        id namn verksamhetstyp antalPlatser tillstandsdatum
        adress { gatuadress postnummer postort }
        kontaktuppgifter { telefon epost }
        huvudman { namn organisationsnummer }
        kommun { namn lan { namn } }
        senasteTillsynsbeslut { datum beslutstyp sammanfattning }
        arenden(inkomFran: $inkomFran, first: 20) {
          totalCount
          edges { node { diarienummer arendetyp status inkom beslut { datum beslutstyp } } }
        }
      }
    }
  }
}`;

const EVB = `query Evb($namndId: ID!, $first: Int!) {
  namnd(id: $namndId) {
    namn
    kommun { namn lan { namn } }
    ejVerkstallaBeslut(status: [EJ_VERKSTALLT], first: $first) {
      totalCount
      edges { node { id verksamhetsomrade lagrum beslutsdatum insats rapporteringskvartal status namnd { kommun { namn } } } }
    }
  }
}`;

const ENHET = `query Enhet($id: ID!, $first: Int!) {
  tillsynsobjekt(id: $id) {
    id namn verksamhetstyp verksamhetsomrade status malgrupper kon antalPlatser tillstandsdatum skyddatBoende senastAndrad
    alder { fran till }
    adress { gatuadress postnummer postort }
    kontaktuppgifter { telefon epost }
    kommun { kod namn lan { kod namn } namnder { id namn } }
    huvudman { id namn organisationsnummer huvudmannatyp }
    verksamhet { id namn tillstand { datum omfattning status } }
    senasteTillsynsbeslut { id datum beslutstyp sammanfattning }
    antalUpplysningsarenden
    arenden(first: $first) {
      totalCount
      edges {
        node {
          diarienummer arendetyp verksamhetsomrade arendemening status inkom avslutat
          klassificering { kod namn }
          arendepart { namn typ identitet }
          koppling { metod konfidens }
          beslut { id datum beslutstyp sammanfattning }
        }
      }
    }
  }
}`;

/** Builds the four scenarios; `today` fixes the start of "the last three years" for the run. */
export function buildScenarios(today: Date): Scenario[] {
  return [
    {
      name: 'oppen-lista',
      description: 'anonymous: 100 active units with kommun, län and huvudman',
      user: null,
      query: OPPEN_LISTA,
      variables: { first: 100 },
      pageSize: { variable: 'first', small: 5 },
      withheldFieldsExpected: false,
    },
    {
      name: 'placering',
      description: 'rapportör in SoL IFO (A-00003): 50 HVB units for a 15-year-old girl in Västra Götalands län, with address, provider, latest supervision decision and the cases of the last three years with decisions',
      user: 'A-00003',
      query: PLACERING,
      variables: {
        // The caller's own area, so every address is one the caller may see, skyddade boenden aside.
        filter: { lanKod: '14', verksamhetstyp: ['HVB'], verksamhetsomrade: ['SOL_IFO'], alder: 15, kon: 'FLICKOR' },
        first: 50,
        inkomFran: threeYearsBefore(today),
      },
      pageSize: { variable: 'first', small: 5 },
      withheldFieldsExpected: true,
    },
    {
      name: 'evb',
      description: 'huvudrapportör of N-0001 (A-00002): 100 open EVB reports of the committee with kommun',
      user: 'A-00002',
      query: EVB,
      variables: { namndId: 'N-0001', first: 100 },
      pageSize: { variable: 'first', small: 5 },
      withheldFieldsExpected: false,
    },
    {
      name: 'enhet',
      description: 'IVO handläggare (A-00001): one unit by id with every field, its 20 latest cases with decisions',
      user: 'A-00001',
      query: ENHET,
      variables: { id: 'TO-001006', first: 20 },
      pageSize: { variable: 'first', small: 5 },
      withheldFieldsExpected: false,
    },
  ];
}

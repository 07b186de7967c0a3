/** The query GraphiQL opens with: a placement search a municipal social worker would run. */
export const EXAMPLE_QUERY = `# Aktiva HVB i Västra Götalands län som tar emot en 15-årig flicka
query Placeringssok {
  sokTillsynsobjekt(
    filter: { lanKod: "14", verksamhetstyp: [HVB], alder: 15, kon: FLICKOR }
    first: 10
  ) {
    totalCount
    edges {
      node {
        namn
        kommun { namn lan { namn } }
        huvudman { namn organisationsnummer }
        tillstandsdatum
        senasteTillsynsbeslut { datum beslutstyp sammanfattning }
      }
    }
  }
}
`;

import { GraphQLError } from 'graphql';

/** The Swedish reasons a field or object is withheld, one per disclosure rule. */
export const FORBIDDEN_REASONS = {
  notLoggedIn: 'Uppgiften visas bara för inloggade användare. Logga in med BankID eller SITHS-kort.',
  outsideArea: 'Uppgiften visas bara för användare med en roll i verksamhetsområdet som uppgiften hör till.',
  protectedAddress: 'Adress och kontaktuppgifter till ett skyddat boende visas bara för IVO:s handläggare.',
  upplysning: 'Innehållet i upplysningsärenden visas bara för IVO:s handläggare. Antalet visas i antalUpplysningsarenden.',
  evb: 'Rapporter om ej verkställda beslut visas bara för nämndens rapportörer och huvudrapportör i rapportens verksamhetsområde och för IVO:s handläggare.',
  user: 'Uppgifter om en användare visas bara för användaren själv, för huvudrapportören i användarens nämnd och för IVO:s handläggare.',
  routerOnly: 'Operationen får bara anropas av routern.',
  administerCommittee: 'Bara nämndens huvudrapportör och IVO:s handläggare får ändra nämndens rapportörer.',
  lastHuvudrapportor: 'Du kan inte avsluta din egen roll som huvudrapportör när nämnden inte har någon annan huvudrapportör. Be IVO göra det, eller lägg först till en ny huvudrapportör.',
  personalNumberLookup: 'Sökning på ett personnummer (en enskild firmas organisationsnummer) är bara tillåten för IVO:s handläggare.',
  noRule: 'Fältet saknar behörighetsregel och visas därför inte. Kontakta IVO.',
} as const;

export type ForbiddenReason = keyof typeof FORBIDDEN_REASONS;

/** Creates the FORBIDDEN error for a withheld field or object, with the reason in Swedish. */
export function forbidden(reason: ForbiddenReason): GraphQLError {
  return new GraphQLError(FORBIDDEN_REASONS[reason], { extensions: { code: 'FORBIDDEN', reason } });
}

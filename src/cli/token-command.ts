import type { Config } from '../config/load-config.ts';
import { issueDevToken } from '../dev-idp/issue-dev-token.ts';
import { readSeededUsers } from '../dev-idp/read-seeded-users.ts';
import { parseLoginIdentity } from '../access/mask-identity.ts';

/** Raised when the named user is not found or not unique; the message lists the matches. */
export class TokenCommandError extends Error {}

/**
 * Returns a development token for a seeded user named by id (`A-00003`), by part of the name
 * (`Sandberg`), or for any personnummer or HSA-id, registered or not.
 */
export async function tokenCommand(config: Config, who: string): Promise<string> {
  const personal = /^(\d{8})-?(\d{4})$/.exec(who);
  if (personal) {
    const digits = `${personal[1]}${personal[2]}`;
    if (!parseLoginIdentity(digits)) throw new TokenCommandError(`${who} är inget giltigt personnummer; kontrollera datum och kontrollsiffra.`);
    return issueDevToken(config, digits);
  }
  if (parseLoginIdentity(who)) return issueDevToken(config, who);

  const users = await readSeededUsers(config.databaseUrls.users, Number.MAX_SAFE_INTEGER);
  const byId = users.find((user) => user.id === who);
  if (byId) return issueDevToken(config, byId.identitet);

  const needle = who.toLocaleLowerCase('sv');
  const matches = users.filter((user) => user.namn.toLocaleLowerCase('sv').includes(needle));
  if (matches.length === 1) return issueDevToken(config, matches[0]!.identitet);
  if (matches.length === 0) throw new TokenCommandError(`Ingen seedad användare heter eller har id "${who}". Ange ett id som A-00003, en del av ett namn, ett personnummer eller ett HSA-id.`);
  const listed = matches.slice(0, 10).map((user) => `  ${user.id} ${user.namn}`).join('\n');
  throw new TokenCommandError(`${matches.length} användare matchar "${who}"; ange id:t:\n${listed}${matches.length > 10 ? '\n  …' : ''}`);
}

/** Raised when the development identity provider is started, or asked for a token, in production. */
export class DevIdentityProviderInProductionError extends Error {
  constructor() {
    super('Utvecklingsinloggningen fungerar inte när NODE_ENV=production. Använd IVO:s identifieringstjänst.');
    this.name = 'DevIdentityProviderInProductionError';
  }
}

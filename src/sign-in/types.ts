/**
 * What sign-in hands to a Dataverse backend: a function that supplies a bearer token for one environment.
 * The providers here produce it; the backend calls it per request and again with `forceRefresh` after a 401.
 */

/** Supplies a bearer token for one environment; `forceRefresh` after a 401. Never logs the token. */
export type TokenProvider = (forceRefresh: boolean) => Promise<string>;

/**
 * Sign-in's lazily loaded surface: the token providers, for the client to wire to settings and VS Code's
 * secrets. Loaded on the first token request as a bundle of its own (MSAL is big); the pure token-host
 * policy and redaction are imported from their own modules.
 */
export { servicePrincipalTokenProvider, checkServicePrincipal, describeMsalError, isSecretRejection } from './service-principal';
export { azureCliTokenProvider } from './azure-cli';
export { commandTokenProvider } from './command';

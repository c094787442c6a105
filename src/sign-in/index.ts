/**
 * Sign-in's public surface: the token providers and the token-host policy, for the client to wire to
 * settings and VS Code's secrets. Loaded on the first token request as a bundle of its own (MSAL is big).
 */
export { checkTokenHost, isDynamicsHost, DYNAMICS_HOST_SUFFIXES, type HostCheck } from './host-policy';
export { servicePrincipalTokenProvider, checkServicePrincipal, describeMsalError, isSecretRejection, type ServicePrincipalOptions } from './service-principal';
export { azureCliTokenProvider, type AzureCliOptions } from './azure-cli';
export { commandTokenProvider, type CommandOptions } from './command';

/** Token providers and the token-host policy, for the client to wire to settings and VS Code's secrets. */
export { checkTokenHost, isDynamicsHost, DYNAMICS_HOST_SUFFIXES, type HostCheck } from './host-policy';
export { servicePrincipalTokenProvider, checkServicePrincipal, describeMsalError, isSecretRejection, type ServicePrincipalOptions } from './service-principal';
export { azureCliTokenProvider, type AzureCliOptions } from './azure-cli';
export { commandTokenProvider, type CommandOptions } from './command';

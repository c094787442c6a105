/**
 * The Dynamics 365 clouds, by the suffix of their Dataverse host names: which hosts may receive an access
 * token (`sign-in/host-policy.ts`) and which Entra sign-in host issues it (`client/environments/auth-scopes.ts`).
 * Pure, no I/O.
 */

export interface DynamicsCloud {
  /** With its leading dot; a host must have a label before it. */
  readonly hostSuffix: string;
  /** The Entra sign-in host that issues tokens for this cloud's environments. */
  readonly authorityHost: string;
}

export const PUBLIC_AUTHORITY_HOST = 'https://login.microsoftonline.com';

export const DYNAMICS_CLOUDS: readonly DynamicsCloud[] = [
  { hostSuffix: '.dynamics.com', authorityHost: PUBLIC_AUTHORITY_HOST }, // commercial, and GCC on crm9.dynamics.com
  { hostSuffix: '.crm.microsoftdynamics.us', authorityHost: 'https://login.microsoftonline.us' }, // GCC High
  { hostSuffix: '.crm.appsplatform.us', authorityHost: 'https://login.microsoftonline.us' }, // DoD
  { hostSuffix: '.crm.dynamics.cn', authorityHost: 'https://login.chinacloudapi.cn' }, // operated by 21Vianet
  { hostSuffix: '.crm.microsoftdynamics.de', authorityHost: 'https://login.microsoftonline.de' },
];

/** The cloud a host name belongs to (any letter case), or undefined for a host outside the Dynamics clouds. */
export function dynamicsCloudOf(host: string): DynamicsCloud | undefined {
  const lower = host.toLowerCase();
  return DYNAMICS_CLOUDS.find(cloud => lower.endsWith(cloud.hostSuffix) && lower.length > cloud.hostSuffix.length);
}

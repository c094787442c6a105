/**
 * The modules the extension loads on first use, each behind one typed getter, and the only place that
 * requires them. The build turns each `require` here into a runtime require of its own bundle (see
 * scripts/lib/lazy-bundles.mjs, which refuses one anywhere else), so activation reads only
 * dist/extension.js. Other modules import these modules' types only (`import type`).
 */

/**
 * Everything but the command registrations (dist/client.js): loaded on the turn after activation returned,
 * or by the first command or API call that comes before that.
 */
export function clientModule(): typeof import('./start') {
  return require('./start') as typeof import('./start');
}

/** The language client library and its wiring (dist/language-client.js): loaded after activation returned. */
export function languageClientModule(): typeof import('./language-client') {
  return require('./language-client') as typeof import('./language-client');
}

/** The environment readers (dist/backends.js, with ajv): loaded by the first environments reload. */
export function environmentsModule(): typeof import('../environments') {
  return require('../environments') as typeof import('../environments');
}

/** The simulator (dist/backends.js): loaded by the first call, search or panel view that needs it. */
export function simulatorModule(): typeof import('../backends/simulator') {
  return require('../backends/simulator') as typeof import('../backends/simulator');
}

/** The Dataverse backend (dist/backends.js): loaded by the first call to a real environment. */
export function dataverseModule(): typeof import('../backends/dataverse') {
  return require('../backends/dataverse') as typeof import('../backends/dataverse');
}

/** Simulator data from a real environment (dist/backends.js): loaded by "Create Simulator Data from Environment". */
export function seedingModule(): typeof import('../seeding') {
  return require('../seeding') as typeof import('../seeding');
}

/** The token providers (dist/auth.js, with MSAL): loaded by the first token request. */
export function signInModule(): typeof import('../sign-in') {
  return require('../sign-in') as typeof import('../sign-in');
}

/** The panel's host side (dist/panel-host.js, its message validator compiled on load): loaded when the view is first shown. */
export function panelHostModule(): typeof import('../panel/host/provider') {
  return require('../panel/host/provider') as typeof import('../panel/host/provider');
}

/** The web resource commands (dist/backends.js, beside the Dataverse client and ajv): loaded by the first publish or pull. */
export function webResourcesModule(): typeof import('./webresources') {
  return require('./webresources') as typeof import('./webresources');
}

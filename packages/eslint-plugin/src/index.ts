/**
 * The package's entry: the plugin as `module.exports`, so `import omnichannel from '@omnichannel-tools/eslint-plugin'`
 * in an ESM `eslint.config.mjs` gets the plugin itself, not a `{ default }` wrapper.
 */
import { plugin } from './plugin';

export = plugin;

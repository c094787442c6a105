/**
 * The one reader of GUIDs is the simulator engine's (`@omnichannel-tools/testing`), so the link rules,
 * the extension's prompts and the panel's webview read ids identically. Pure: the webview bundles it.
 */
export * from '@omnichannel-tools/testing/protocol/guid';

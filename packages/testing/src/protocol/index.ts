/** The link-call vocabulary and the GUID reader: pure, safe for a browser bundle. */
export * from './link';
export * from './guid';

/** The version of this library, as written into every evidence pack. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const TOOL_VERSION: string = (require('../../package.json') as { version: string }).version;

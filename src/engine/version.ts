/** Kept in step with package.json by test/version.test.ts; the generator meta carries it. */
export const VERSION = '0.1.0';

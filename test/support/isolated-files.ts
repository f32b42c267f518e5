/**
 * Test files that must load the app's modules afresh (vitest's `isolated` project): they replace a module
 * with `vi.mock`, which only reaches modules imported after it. Every other file shares its worker's loaded
 * modules. `test/unit/isolated-files.test.ts` keeps this list complete.
 */
export const ISOLATED = ['test/integration/deadline-race.test.ts'];

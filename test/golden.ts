/**
 * Golden files: committed expected outputs a test compares with what the code produces now.
 *
 * A missing golden file fails the test (a test that wrote its own expectation would pass whatever the code does).
 * `UPDATE_GOLDEN=1 npx jest <test file>` writes every golden file the run compares, missing or not; review the diff
 * before committing it. Jest snapshots follow the same rule: `ci: true` in `jest.config.js` refuses to write a missing
 * snapshot, `npx jest <test file> -u` writes it.
 */
import * as fs from 'fs';
import * as path from 'path';

/** Whether this run writes golden files (`UPDATE_GOLDEN=1`). */
export function updatingGoldenFiles(): boolean {
  return process.env.UPDATE_GOLDEN === '1';
}

/** Why a golden file cannot be compared: it is missing (the message says how to write it). */
export class MissingGoldenFileError extends Error {
  constructor(file: string) {
    super(`golden file ${path.relative(process.cwd(), file)} is missing: write it with UPDATE_GOLDEN=1 npx jest <this test file>, review it and commit it`);
    this.name = 'MissingGoldenFileError';
  }
}

/**
 * The committed content of a golden file, after writing `actual` into it when the run updates golden files.
 * @throws MissingGoldenFileError when the file is missing and the run does not update golden files
 */
export function readGolden(file: string, actual: string): string {
  if (updatingGoldenFiles()) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, actual);
  }
  if (!fs.existsSync(file)) throw new MissingGoldenFileError(file);
  return fs.readFileSync(file, 'utf-8');
}

/** Expects `actual` to equal the golden file's content (written first under `UPDATE_GOLDEN=1`); fails when it is missing. */
export function expectGolden(file: string, actual: string): void {
  expect(actual).toEqual(readGolden(file, actual));
}

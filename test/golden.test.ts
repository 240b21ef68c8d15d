import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { MissingGoldenFileError, readGolden } from './golden';

describe('golden files: a missing one fails, only UPDATE_GOLDEN=1 writes', () => {
  const saved = process.env.UPDATE_GOLDEN;
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'golden-'));
    delete process.env.UPDATE_GOLDEN;
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    if (saved === undefined) delete process.env.UPDATE_GOLDEN;
    else process.env.UPDATE_GOLDEN = saved;
  });

  test('Noncompliance: a missing golden file throws, naming the file and how to write it, and is not created', () => {
    // GIVEN
    const file = path.join(dir, 'golden', 'out.txt');
    // WHEN
    const read = () => readGolden(file, 'actual');
    // THEN
    expect(read).toThrow(MissingGoldenFileError);
    expect(read).toThrow(/golden file .*golden\/out\.txt is missing: write it with UPDATE_GOLDEN=1 npx jest/);
    expect(fs.existsSync(file)).toBe(false);
  });

  test('Noncompliance: without UPDATE_GOLDEN=1 the committed content is returned, not the actual one', () => {
    // GIVEN
    const file = path.join(dir, 'out.txt');
    fs.writeFileSync(file, 'committed');
    process.env.UPDATE_GOLDEN = 'true';
    // WHEN / THEN
    expect(readGolden(file, 'actual')).toBe('committed');
    expect(fs.readFileSync(file, 'utf-8')).toBe('committed');
  });

  test('Compliance: UPDATE_GOLDEN=1 writes the file (missing or not), creating its directory', () => {
    // GIVEN
    const file = path.join(dir, 'golden', 'out.txt');
    process.env.UPDATE_GOLDEN = '1';
    // WHEN / THEN
    expect(readGolden(file, 'first')).toBe('first');
    expect(readGolden(file, 'second')).toBe('second');
    expect(fs.readFileSync(file, 'utf-8')).toBe('second');
  });

  test('jest refuses to write a missing snapshot unless -u is given (ci: true)', () => {
    // THEN: without it, toMatchSnapshot writes a missing snapshot and passes
    expect(require('../jest.config.js').ci).toBe(true);
  });
});

/**
 * The AWS SDK clients of `report --live` are optional peer dependencies: without them the live read stops with
 * one line naming the install command, and a report without --live never needs them.
 */
import * as fs from 'fs';
import * as path from 'path';

describe('report --live without the AWS SDK clients installed', () => {
  afterEach(() => jest.resetModules());

  test('names the missing package and the command that installs every client', async () => {
    // GIVEN the STS client cannot be resolved
    jest.doMock('@aws-sdk/client-sts', () => {
      const e = new Error("Cannot find module '@aws-sdk/client-sts' from 'lib/report/live/aws.ts'") as Error & { code: string };
      e.code = 'MODULE_NOT_FOUND';
      throw e;
    });
    // WHEN the live read loads it
    const aws = jest.requireActual('../../lib/report/live/aws') as typeof import('../../lib/report/live/aws');
    // THEN a one-line setup error names it and the install command
    await expect(aws.loadModule('sts')).rejects.toThrow(aws.LiveSetupError);
    await expect(aws.loadModule('sts')).rejects.toThrow(/^--live needs the AWS SDK for JavaScript v3 clients, and @aws-sdk\/client-sts is not installed: npm install --save-dev @aws-sdk\/client-sts @aws-sdk\/client-cloudformation .*@aws-sdk\/client-accessanalyzer$/);
  });

  test('another failure while loading a client is not reported as a missing package', async () => {
    jest.doMock('@aws-sdk/client-backup', () => {
      throw new TypeError('broken install');
    });
    const aws = jest.requireActual('../../lib/report/live/aws') as typeof import('../../lib/report/live/aws');
    await expect(aws.loadModule('backup')).rejects.toThrow(/^broken install$/);
  });

  test('package.json declares every client the live read loads as an optional peer dependency, and not as a dependency', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '../../package.json'), 'utf-8'));
    const aws = jest.requireActual('../../lib/report/live/aws') as typeof import('../../lib/report/live/aws');
    const clients = aws.LIVE_INSTALL_COMMAND.replace('npm install --save-dev ', '').split(' ');
    expect(clients).toHaveLength(8);
    for (const c of clients) {
      expect(pkg.peerDependencies[c]).toBeDefined();
      expect(pkg.peerDependenciesMeta[c]).toEqual({ optional: true });
      expect(pkg.devDependencies[c]).toBe(pkg.peerDependencies[c]);
      expect(pkg.dependencies[c]).toBeUndefined();
    }
    expect(Object.keys(pkg.dependencies).filter((d) => d.startsWith('@aws-sdk/'))).toEqual([]);
  });

  test('the README gives the same install command', () => {
    const readme = fs.readFileSync(path.join(__dirname, '../../README.md'), 'utf-8');
    const aws = jest.requireActual('../../lib/report/live/aws') as typeof import('../../lib/report/live/aws');
    expect(readme).toContain(aws.LIVE_INSTALL_COMMAND);
  });
});

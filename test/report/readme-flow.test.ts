/**
 * The README's "On your own app" steps, run exactly as written in a new project directory (a fixture
 * assembly stands in for `cdk synth`; `npx cdk-competency` finds this checkout's bin through the
 * project's node_modules/.bin, as it finds the installed package's).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { SOURCE_CLI, tmpDir } from './helpers';

const README = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf-8');

/** The commands of the first sh block after `marker`, continuation lines joined, comments dropped. */
function commandsAfter(marker: string): string[] {
  const from = README.indexOf(marker);
  expect(from).toBeGreaterThan(0);
  const block = /```sh\n([\s\S]*?)```/.exec(README.slice(from))![1];
  return block.replace(/\\\n\s*/g, '').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
}

describe('README: the evidence pack on your own app', () => {
  const commands = commandsAfter('On your own app');

  test('the steps come in the order they must run: synth, attestations init, report', () => {
    expect(commands.map((c) => /^npx (cdk synth|cdk-competency attestations init|cdk-competency report)\b/.exec(c)?.[1]))
      .toEqual(['cdk synth', 'cdk-competency attestations init', 'cdk-competency report']);
  });

  test('the commands work as written in a new project', () => {
    // GIVEN a project with its synthesized assembly and the package installed
    const project = tmpDir('cdk-competency-readme-');
    fs.cpSync(path.resolve('test/fixtures/report-assemblies/same-account'), path.join(project, 'cdk.out'), { recursive: true });
    fs.mkdirSync(path.join(project, 'node_modules', '.bin'), { recursive: true });
    const shim = path.join(project, 'node_modules', '.bin', 'cdk-competency');
    fs.writeFileSync(shim, `#!/bin/sh\nexec "${process.execPath}" ${SOURCE_CLI.map((a) => `"${a}"`).join(' ')} "$@"\n`, { mode: 0o755 });
    fs.writeFileSync(path.join(project, 'package.json'), '{"name":"partner-app","private":true}');
    const sh = (command: string) => spawnSync('bash', ['-c', command], {
      cwd: project, encoding: 'utf-8', env: { ...process.env, CI: 'true', npm_config_yes: 'false', npm_config_offline: 'true' },
    });

    // WHEN the init step runs as written
    const init = sh(commands[1]);
    // THEN the template is in the file the README names
    expect(init.stderr).toBe('');
    expect(init.status).toBe(0);
    const file = path.join(project, 'competency-attestations.yaml');
    const template = fs.readFileSync(file, 'utf-8');
    expect(template).toMatch(/^# "1\.25":$/m);

    // WHEN an entry is filled in, as the README's comment says, and the report step runs as written
    const date = new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10);
    fs.writeFileSync(file, template.replace('# "1.25":\n#   attestedBy: \n#   date: \n#   evidence: \n#   notes: ',
      `"1.25":\n  attestedBy: Head of Security\n  date: ${date}\n  evidence: https://wiki.example.com/ir-rehearsal\n  notes: `));
    const report = sh(commands[2]);
    // THEN the pack is written where the README says, with the attestation read
    expect(report.stderr).toBe('');
    expect([0, 1]).toContain(report.status);
    expect(report.stdout).toMatch(/^evidence: \d+ Met/);
    const json = JSON.parse(fs.readFileSync(path.join(project, 'evidence', 'checklist.json'), 'utf-8'));
    expect(json.attestationsFile).toBe('competency-attestations.yaml');
    expect(json.items.find((i: { id: string }) => i.id === '1.25').attestation).toMatchObject({ state: 'valid', provided: { date } });
  });
});

/** Hand-rolled argument parsing for `cdk-competency` (no dependency): `--flag value`, `--flag=value`, boolean flags. */

/** A command-line mistake: the CLI prints it on one line and exits 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface OptionSpec {
  /** Takes a value (`--out dir`) or is a switch (`--strict`). */
  readonly takesValue: boolean;
}

export interface ParsedArgs {
  readonly values: ReadonlyMap<string, string>;
  readonly flags: ReadonlySet<string>;
  readonly positionals: readonly string[];
}

/** Parses `argv` against the options of one command; `--help`/`-h` are always accepted as flags. */
export function parseArgs(argv: readonly string[], spec: { readonly [name: string]: OptionSpec }, command: string): ParsedArgs {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h' || arg === '--help') {
      flags.add('help');
      continue;
    }
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq >= 0 ? eq : undefined);
    const opt = spec[name];
    if (!opt) throw new UsageError(`unknown option '--${name}' for '${command}' (see 'cdk-competency ${command} --help')`);
    if (!opt.takesValue) {
      if (eq >= 0) throw new UsageError(`option '--${name}' takes no value`);
      flags.add(name);
      continue;
    }
    let value: string | undefined;
    if (eq >= 0) value = arg.slice(eq + 1);
    else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) value = argv[++i];
    if (value === undefined || value === '') throw new UsageError(`option '--${name}' needs a value`);
    if (values.has(name)) throw new UsageError(`option '--${name}' is given more than once`);
    values.set(name, value);
  }
  return { values, flags, positionals };
}

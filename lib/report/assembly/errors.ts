/**
 * The one error the assembly loader throws: bad input (no `cdk.out`, a corrupt manifest, a missing or
 * broken template). Its message is one line that names the file and what is wrong with it, so a CLI
 * can print `error: <message>` without a stack trace.
 */
export class AssemblyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AssemblyError';
  }
}

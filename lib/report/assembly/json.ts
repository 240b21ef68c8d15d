import * as fs from 'fs';
import { AssemblyError } from './errors';

/** Where a JSON text stops being valid: 1-based line and column, and what was expected there. */
export interface JsonSyntaxProblem {
  readonly line: number;
  readonly column: number;
  readonly reason: string;
}

/**
 * Reads and parses a JSON file. `describe` names the file in error messages
 * (e.g. `template X.template.json`); `missing` is the message when the file does not exist.
 */
export function readJsonFile(file: string, describe: string, missing: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf-8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new AssemblyError(missing);
    throw new AssemblyError(`${describe} cannot be read: ${(e as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch {
    const p = findJsonSyntaxProblem(text);
    throw new AssemblyError(`${describe} is not valid JSON at line ${p.line}, column ${p.column}: ${p.reason}`);
  }
}

/**
 * Finds the first syntax error in a JSON text. `JSON.parse` reports a position for some errors only
 * (`Unexpected token '}', "..." is not valid JSON` has none), so this small recursive-descent
 * scanner locates it. It is only called on text `JSON.parse` already rejected.
 */
export function findJsonSyntaxProblem(text: string): JsonSyntaxProblem {
  let i = 0;
  const fail = (reason: string): never => {
    throw new ScanError(i, reason);
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const found = () => (i >= text.length ? 'end of file' : `'${text[i]}'`);
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail(`unexpected ${found()}`);
  };
  const str = () => {
    i++; // opening quote
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') i++;
      else if (text.charCodeAt(i) < 0x20) fail('unescaped control character in string');
      i++;
    }
    if (i >= text.length) fail('unterminated string');
    i++;
  };
  const num = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m) fail(`unexpected ${found()}`);
    i += m![0].length;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail(`expected a property name, found ${found()}`);
        str();
        ws();
        if (text[i] !== ':') fail(`expected ':', found ${found()}`);
        i++;
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        fail(`expected ',' or '}', found ${found()}`);
      }
    } else if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        fail(`expected ',' or ']', found ${found()}`);
      }
    } else if (c === '"') str();
    else if (c === 't') literal('true');
    else if (c === 'f') literal('false');
    else if (c === 'n') literal('null');
    else if (c === '-' || (c >= '0' && c <= '9')) num();
    else fail(`expected a value, found ${found()}`);
  };
  try {
    value();
    ws();
    if (i < text.length) fail(`unexpected ${found()} after the end of the document`);
    return { ...lineColumn(text, i), reason: 'invalid JSON' };
  } catch (e) {
    if (e instanceof ScanError) return { ...lineColumn(text, e.offset), reason: e.reason };
    throw e;
  }
}

class ScanError {
  constructor(readonly offset: number, readonly reason: string) {}
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

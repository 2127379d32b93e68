// The JSON token stream under System.JSON and System.JSONParser. Apex parses JSON with Jackson: the token names are
// Jackson's (Apex Reference, "JSONToken Enum": START_OBJECT, FIELD_NAME, VALUE_NUMBER_INT …), and so are the
// System.JSONException messages orgs give for malformed input, e.g. "Unexpected character ('r' (code 114)): was
// expecting double-quote to start field name at [line:1, column:4]" (salesforce.stackexchange.com/questions/301508).
// The rules are Jackson's defaults (RFC 8259 strictly: no comments, no single quotes, no unquoted names, no leading
// zeros, no NaN, no trailing commas, only space, tab, CR and LF between tokens). Numbers keep their text so a Decimal
// gets its exact digits and scale.
//
// Locations follow Jackson: a token's own start is its 1-based column; an error reports the position after the
// character that caused it (Jackson's "current location"), as " at [line:L, column:C]" the way Apex prints it.
//
// Like Jackson, the value after a field name is read together with the name, so an error in that value is raised by
// the nextToken() call that returns the FIELD_NAME.
import { ApexPlatformError } from '../../errors';

export type TokenKind =
  | 'START_OBJECT'
  | 'END_OBJECT'
  | 'START_ARRAY'
  | 'END_ARRAY'
  | 'FIELD_NAME'
  | 'VALUE_STRING'
  | 'VALUE_NUMBER_INT'
  | 'VALUE_NUMBER_FLOAT'
  | 'VALUE_TRUE'
  | 'VALUE_FALSE'
  | 'VALUE_NULL';

export interface Token {
  kind: TokenKind;
  /** The field name, the string's value, the number as written, or the literal text (`{`, `true` …). */
  text: string;
  line: number;
  column: number;
}

type ContextType = 'ROOT' | 'OBJECT' | 'ARRAY';

interface Context {
  type: ContextType;
  /** Entries (object) or elements (array) read so far; root values for the root. */
  index: number;
  /** The current field name of an object context. */
  name: string | null;
  line: number;
  column: number;
}

/** A System.JSONException for malformed JSON. */
export function jsonException(message: string): ApexPlatformError {
  return new ApexPlatformError('System.JSONException', message);
}

const LITERAL_TEXT: Record<string, string> = {
  START_OBJECT: '{',
  END_OBJECT: '}',
  START_ARRAY: '[',
  END_ARRAY: ']',
  VALUE_TRUE: 'true',
  VALUE_FALSE: 'false',
  VALUE_NULL: 'null',
};

/** Jackson's description of a character in messages: 'x' (code 120), (CTRL-CHAR, code 10). */
function charDesc(code: number): string {
  if (code < 32) return `(CTRL-CHAR, code ${code})`;
  const c = String.fromCharCode(code);
  if (code > 255) return `'${c}' (code ${code} / 0x${code.toString(16)})`;
  return `'${c}' (code ${code})`;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

export class JsonTokenizer {
  private pos = 0;
  private line = 1;
  /** Index of the first character of the current line. */
  private lineStart = 0;
  private readonly stack: Context[] = [{ type: 'ROOT', index: 0, name: null, line: 1, column: 0 }];
  /** The value read together with the last field name, returned by the next call. */
  private pending: Token | null = null;

  constructor(private readonly text: string) {}

  /** The innermost context (ROOT, OBJECT or ARRAY). */
  get context(): Context {
    return this.stack[this.stack.length - 1] as Context;
  }

  /** The context enclosing the innermost one (for the name of a START_OBJECT / START_ARRAY value). */
  get parentContext(): Context | undefined {
    return this.stack[this.stack.length - 2];
  }

  get depth(): number {
    return this.stack.length - 1;
  }

  /** Whether anything but whitespace is left after the position. */
  hasTrailingContent(): boolean {
    for (let i = this.pos; i < this.text.length; i += 1) {
      const c = this.text.charCodeAt(i);
      if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return true;
    }
    return false;
  }

  /** The next token, or null at the end of the input (only possible at the root). */
  next(): Token | null {
    if (this.pending) {
      const t = this.pending;
      this.pending = null;
      if (t.kind === 'START_OBJECT' || t.kind === 'START_ARRAY') this.push(t);
      return t;
    }
    let ch = this.skipWhitespace();
    const ctx = this.context;
    if (ch < 0) {
      if (ctx.type === 'ROOT') return null;
      throw this.error(
        `Unexpected end-of-input: expected close marker for ${ctx.type} (from [line:${ctx.line}, column:${ctx.column}])`,
      );
    }
    if (ch === 0x7d || ch === 0x5d) {
      // Jackson checks for a close marker before it looks for the comma: `[1}` is a mismatched close marker.
      if (ctx.type !== 'ROOT') return this.close(ch);
      this.pos += 1;
      throw this.error(
        `Unexpected close marker '${String.fromCharCode(ch)}': expected '${ch === 0x7d ? ']' : '}'}' (for ROOT starting at [line:1, column:0])`,
      );
    }
    if (ctx.type !== 'ROOT' && ctx.index > 0) {
      if (ch !== 0x2c) {
        this.pos += 1;
        throw this.error(`Unexpected character (${charDesc(ch)}): was expecting comma to separate ${ctx.type} entries`);
      }
      this.pos += 1;
      ch = this.skipWhitespace();
      if (ch < 0) throw this.error(`Unexpected end-of-input within/between ${ctx.type} entries`);
    }
    if (ctx.type === 'OBJECT') {
      if (ch !== 0x22) {
        this.pos += 1;
        throw this.error(`Unexpected character (${charDesc(ch)}): was expecting double-quote to start field name`);
      }
      const line = this.line;
      const column = this.pos - this.lineStart + 1;
      const name = this.readString();
      let c = this.skipWhitespace();
      if (c !== 0x3a) {
        if (c < 0) throw this.error(`Unexpected end-of-input within/between ${ctx.type} entries`);
        this.pos += 1;
        throw this.error(
          `Unexpected character (${charDesc(c)}): was expecting a colon to separate field name and value`,
        );
      }
      this.pos += 1;
      ctx.index += 1;
      ctx.name = name;
      c = this.skipWhitespace();
      if (c < 0) throw this.error(`Unexpected end-of-input within/between ${ctx.type} entries`);
      this.pending = this.readValue(c);
      return { kind: 'FIELD_NAME', text: name, line, column };
    }
    ctx.index += 1;
    const t = this.readValue(ch);
    if (t.kind === 'START_OBJECT' || t.kind === 'START_ARRAY') this.push(t);
    return t;
  }

  private push(t: Token): void {
    this.stack.push({
      type: t.kind === 'START_OBJECT' ? 'OBJECT' : 'ARRAY',
      index: 0,
      name: null,
      line: t.line,
      column: t.column,
    });
  }

  private close(ch: number): Token {
    const ctx = this.context;
    const line = this.line;
    const column = this.pos - this.lineStart + 1;
    this.pos += 1;
    const wanted = ctx.type === 'OBJECT' ? 0x7d : 0x5d;
    if (ch !== wanted) {
      throw this.error(
        `Unexpected close marker '${String.fromCharCode(ch)}': expected '${String.fromCharCode(wanted)}' (for ${ctx.type} starting at [line:${ctx.line}, column:${ctx.column}])`,
      );
    }
    this.stack.pop();
    return ch === 0x7d
      ? { kind: 'END_OBJECT', text: '}', line, column }
      : { kind: 'END_ARRAY', text: ']', line, column };
  }

  /** A value token starting at the (non-whitespace) character `ch` at the position. */
  private readValue(ch: number): Token {
    const line = this.line;
    const column = this.pos - this.lineStart + 1;
    if (ch === 0x22) return { kind: 'VALUE_STRING', text: this.readString(), line, column };
    if (ch === 0x7b || ch === 0x5b) {
      this.pos += 1;
      return ch === 0x7b
        ? { kind: 'START_OBJECT', text: '{', line, column }
        : { kind: 'START_ARRAY', text: '[', line, column };
    }
    if (ch === 0x2d || isDigit(ch)) return this.readNumber(line, column);
    // Jackson reads a word for its "Unrecognized token" message when the character could start an identifier.
    if (/[A-Za-z_$]/.test(String.fromCharCode(ch))) return this.readLiteral(line, column);
    this.pos += 1;
    throw this.error(
      `Unexpected character (${charDesc(ch)}): expected a valid value (number, String, array, object, 'true', 'false' or 'null')`,
    );
  }

  private readLiteral(line: number, column: number): Token {
    const start = this.pos;
    let end = start;
    // Jackson reads the whole run of identifier characters for its "Unrecognized token" message.
    while (end < this.text.length && /[A-Za-z0-9_$]/.test(this.text.charAt(end))) end += 1;
    const word = this.text.slice(start, end);
    this.pos = end;
    if (word === 'true') return { kind: 'VALUE_TRUE', text: word, line, column };
    if (word === 'false') return { kind: 'VALUE_FALSE', text: word, line, column };
    if (word === 'null') return { kind: 'VALUE_NULL', text: word, line, column };
    throw this.error(`Unrecognized token '${word}': was expecting ('true', 'false' or 'null')`);
  }

  /** RFC 8259 number grammar, with Jackson's messages for each way it can fail. */
  private readNumber(line: number, column: number): Token {
    const s = this.text;
    const start = this.pos;
    let i = start;
    if (s.charCodeAt(i) === 0x2d) {
      i += 1;
      if (!isDigit(s.charCodeAt(i))) {
        this.pos = i + 1;
        const c = s.charCodeAt(i);
        if (Number.isNaN(c)) throw this.error('Unexpected end-of-input in number value');
        throw this.error(
          `Unexpected character (${charDesc(c)}) in numeric value: expected digit (0-9) to follow minus sign, for valid numeric value`,
        );
      }
    }
    if (s.charCodeAt(i) === 0x30 && isDigit(s.charCodeAt(i + 1))) {
      this.pos = i + 2;
      throw this.error('Invalid numeric value: Leading zeroes not allowed');
    }
    while (isDigit(s.charCodeAt(i))) i += 1;
    let float = false;
    if (s.charCodeAt(i) === 0x2e) {
      float = true;
      i += 1;
      if (!isDigit(s.charCodeAt(i))) {
        this.pos = i + 1;
        throw this.numberError(s.charCodeAt(i), 'Decimal point not followed by a digit');
      }
      while (isDigit(s.charCodeAt(i))) i += 1;
    }
    const e = s.charCodeAt(i);
    if (e === 0x65 || e === 0x45) {
      float = true;
      i += 1;
      const sign = s.charCodeAt(i);
      if (sign === 0x2b || sign === 0x2d) i += 1;
      if (!isDigit(s.charCodeAt(i))) {
        this.pos = i + 1;
        throw this.numberError(s.charCodeAt(i), 'Exponent indicator not followed by a digit');
      }
      while (isDigit(s.charCodeAt(i))) i += 1;
    }
    this.pos = i;
    return { kind: float ? 'VALUE_NUMBER_FLOAT' : 'VALUE_NUMBER_INT', text: s.slice(start, i), line, column };
  }

  private numberError(code: number, what: string): ApexPlatformError {
    if (Number.isNaN(code)) return this.error('Unexpected end-of-input in number value');
    return this.error(`Unexpected character (${charDesc(code)}) in numeric value: ${what}`);
  }

  /** A string starting at the opening quote at the position; leaves the position after the closing quote. */
  private readString(): string {
    const s = this.text;
    let i = this.pos + 1;
    let out = '';
    let runStart = i;
    for (;;) {
      if (i >= s.length) {
        this.pos = i;
        throw this.error('Unexpected end-of-input: was expecting closing quote for a string value');
      }
      const c = s.charCodeAt(i);
      if (c === 0x22) {
        out += s.slice(runStart, i);
        this.pos = i + 1;
        return out;
      }
      if (c === 0x5c) {
        out += s.slice(runStart, i);
        i += 1;
        if (i >= s.length) {
          this.pos = i;
          throw this.error('Unexpected end-of-input in character escape sequence');
        }
        const esc = s.charCodeAt(i);
        i += 1;
        switch (esc) {
          case 0x22:
            out += '"';
            break;
          case 0x5c:
            out += '\\';
            break;
          case 0x2f:
            out += '/';
            break;
          case 0x62:
            out += '\b';
            break;
          case 0x66:
            out += '\f';
            break;
          case 0x6e:
            out += '\n';
            break;
          case 0x72:
            out += '\r';
            break;
          case 0x74:
            out += '\t';
            break;
          case 0x75: {
            let code = 0;
            for (let k = 0; k < 4; k += 1) {
              if (i >= s.length) {
                this.pos = i;
                throw this.error('Unexpected end-of-input in character escape sequence');
              }
              const h = s.charCodeAt(i);
              i += 1;
              const v = isDigit(h) ? h - 48 : h >= 97 && h <= 102 ? h - 87 : h >= 65 && h <= 70 ? h - 55 : -1;
              if (v < 0) {
                this.pos = i;
                throw this.error(
                  `Unexpected character (${charDesc(h)}): expected a hex-digit for character escape sequence`,
                );
              }
              code = code * 16 + v;
            }
            out += String.fromCharCode(code);
            break;
          }
          default:
            this.pos = i;
            throw this.error(`Unrecognized character escape ${charDesc(esc)}`);
        }
        runStart = i;
        continue;
      }
      if (c < 32) {
        this.pos = i + 1;
        throw this.error(
          `Illegal unquoted character (${charDesc(c)}): has to be escaped using backslash to be included in string value`,
        );
      }
      i += 1;
    }
  }

  /** Skips JSON whitespace; returns the next character code, or -1 at the end of the input. */
  private skipWhitespace(): number {
    const s = this.text;
    while (this.pos < s.length) {
      const c = s.charCodeAt(this.pos);
      if (c === 32 || c === 9) {
        this.pos += 1;
      } else if (c === 10) {
        this.pos += 1;
        this.newLine();
      } else if (c === 13) {
        this.pos += 1;
        if (s.charCodeAt(this.pos) === 10) this.pos += 1;
        this.newLine();
      } else if (c < 32) {
        this.pos += 1;
        throw this.error(
          `Illegal character (${charDesc(c)}): only regular white space (\\r, \\n, \\t) is allowed between tokens`,
        );
      } else {
        return c;
      }
    }
    return -1;
  }

  private newLine(): void {
    this.line += 1;
    this.lineStart = this.pos;
  }

  /** A JSONException at the current position (Jackson's location: the column after the offending character). */
  private error(message: string): ApexPlatformError {
    return jsonException(`${message} at [line:${this.line}, column:${this.pos - this.lineStart + 1}]`);
  }
}

/** The text getText() gives for a structural or literal token. */
export function literalText(kind: TokenKind): string | undefined {
  return LITERAL_TEXT[kind];
}

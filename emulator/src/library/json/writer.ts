// Writing JSON text, as Apex does with Jackson: compact output has no whitespace at all ('{"a":"b","n":1,
// "list":[true,null]}'); pretty output is Jackson's DefaultPrettyPrinter, which the Apex Developer Guide's
// "JSON Generator" sample pins:
//
//   {\n  "abc" : 1.21,\n  "def" : "xyz",\n  "ghi" : {\n    "aaa" : [ 1, 2, 3 ]\n  },\n  "Object A" : {\n    "str" : "X"\n  }\n}
//
// — object entries on their own lines indented two spaces per object level, " : " between name and value, arrays on
// one line with spaces inside the brackets and after each comma (objects inside arrays keep the indentation of
// their object level: `[ {\n  "a" : 1\n} ]`), empty containers as `{ }` and `[ ]`.
//
// Strings are escaped as Jackson escapes them: `"` and `\`, the control characters with a short form (\b \t \n \f
// \r), other characters below U+0020 as \u00XX (upper-case hex); everything else, '/' and non-ASCII included, is
// written as is.
//
// The writer also keeps Jackson's generator rules (a value where a field name is due, a field name outside an object,
// closing the wrong container), which JSONGenerator reports as System.JSONException.
import { jsonException } from './tokenizer';

type Ctx = { type: 'ROOT' | 'OBJECT' | 'ARRAY'; count: number; nameWritten: boolean };

const SHORT_ESCAPES: Record<number, string> = {
  8: '\\b',
  9: '\\t',
  10: '\\n',
  12: '\\f',
  13: '\\r',
  34: '\\"',
  92: '\\\\',
};

/** A JSON string literal with Jackson's escapes. */
export function quoteJson(s: string): string {
  let out = '"';
  let run = 0;
  for (let i = 0; i < s.length; i += 1) {
    const c = s.charCodeAt(i);
    if (c >= 32 && c !== 34 && c !== 92) continue;
    out += s.slice(run, i);
    out += SHORT_ESCAPES[c] ?? `\\u00${c.toString(16).toUpperCase().padStart(2, '0')}`;
    run = i + 1;
  }
  return `${out}${s.slice(run)}"`;
}

export class JsonWriter {
  private out = '';
  private readonly stack: Ctx[] = [{ type: 'ROOT', count: 0, nameWritten: false }];
  /** Object levels open (the pretty printer indents by object nesting only). */
  private objectDepth = 0;
  closed = false;

  constructor(readonly pretty: boolean) {}

  private get ctx(): Ctx {
    return this.stack[this.stack.length - 1] as Ctx;
  }

  /** Everything written so far. */
  text(): string {
    return this.out;
  }

  private indent(): string {
    return `\n${'  '.repeat(this.objectDepth)}`;
  }

  /** What comes before a value (Jackson's _verifyValueWrite); `what` names the value in the error message. */
  private beforeValue(what: string): void {
    if (this.closed) throw jsonException(`Can not write ${what}, generator is closed`);
    const ctx = this.ctx;
    if (ctx.type === 'OBJECT') {
      if (!ctx.nameWritten) throw jsonException(`Can not write ${what}, expecting field name`);
      ctx.nameWritten = false;
      this.out += this.pretty ? ' : ' : ':';
      return;
    }
    if (ctx.count > 0) this.out += ctx.type === 'ARRAY' ? (this.pretty ? ', ' : ',') : ' ';
    else if (ctx.type === 'ARRAY' && this.pretty) this.out += ' ';
    ctx.count += 1;
  }

  fieldName(name: string): void {
    if (this.closed) throw jsonException('Can not write a field name, generator is closed');
    const ctx = this.ctx;
    if (ctx.type !== 'OBJECT' || ctx.nameWritten) throw jsonException('Can not write a field name, expecting a value');
    if (ctx.count > 0) this.out += ',';
    if (this.pretty) this.out += this.indent();
    ctx.count += 1;
    ctx.nameWritten = true;
    this.out += quoteJson(name);
  }

  startObject(): void {
    this.beforeValue('start an object');
    this.out += '{';
    this.objectDepth += 1;
    this.stack.push({ type: 'OBJECT', count: 0, nameWritten: false });
  }

  endObject(): void {
    const ctx = this.ctx;
    if (ctx.type !== 'OBJECT') throw jsonException(`Current context not an object but ${ctx.type}`);
    this.stack.pop();
    this.objectDepth -= 1;
    if (this.pretty) this.out += ctx.count > 0 ? this.indent() : ' ';
    this.out += '}';
  }

  startArray(): void {
    this.beforeValue('start an array');
    this.out += '[';
    this.stack.push({ type: 'ARRAY', count: 0, nameWritten: false });
  }

  endArray(): void {
    const ctx = this.ctx;
    if (ctx.type !== 'ARRAY') throw jsonException(`Current context not an ARRAY but ${ctx.type}`);
    this.stack.pop();
    if (this.pretty) this.out += ' ';
    this.out += ']';
  }

  string(s: string): void {
    this.beforeValue('a string');
    this.out += quoteJson(s);
  }

  /** A number already in its JSON text. */
  number(text: string): void {
    this.beforeValue('a number');
    this.out += text;
  }

  boolean(b: boolean): void {
    this.beforeValue('a boolean value');
    this.out += b ? 'true' : 'false';
  }

  null(): void {
    this.beforeValue('a null');
    this.out += 'null';
  }

  /** Jackson's close() with AUTO_CLOSE_JSON_CONTENT (on by default): open arrays and objects are closed. */
  close(): void {
    if (this.closed) return;
    for (;;) {
      const ctx = this.ctx;
      if (ctx.type === 'ARRAY') this.endArray();
      else if (ctx.type === 'OBJECT') this.endObject();
      else break;
    }
    this.closed = true;
  }
}

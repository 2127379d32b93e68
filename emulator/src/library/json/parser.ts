// System.JSONParser and System.JSONToken (Apex Reference, "JSONParser Class", "JSONToken Enum"): a pull parser over
// JSON text (JSON.createParser(jsonString)), with Jackson's JsonParser semantics underneath.
//
// - nextToken() returns the next JSONToken, null at the end of the input; nextValue() skips a FIELD_NAME.
// - getCurrentName(): "If the current token is of type JSONToken.FIELD_NAME, this method returns the same value as
//   getText. If the current token is a value, this method returns the field name that precedes this token. For other
//   values such as array values or root-level values, this method returns null." (START_OBJECT/START_ARRAY of a field
//   value and their END tokens also give that field's name, as in Jackson.)
// - getText(): the field name, the string, the number as written, or the token's own text ({, ], true, null …).
// - get{Integer,Long,Double,Decimal,Boolean}Value(): the current token as that type; a token of another kind is
//   Jackson's error ("Current token (VALUE_STRING) not numeric, can not use numeric value accessors"), a
//   System.JSONException. getIntegerValue/getLongValue of a fractional number fail loudly (Jackson would truncate;
//   the Apex docs say the token "must represent" an Integer/Long).
// - getDateValue / getDatetimeValue / getIdValue / getBlobValue read a VALUE_STRING ("The current token must be of
//   type JSONToken.VALUE_STRING"); getTimeValue fails loudly (the string forms it reads are not documented, and
//   JSON.deserialize does not read Time at all, see deserialize.ts).
// - readValueAs(apexType) / readValueAsStrict(apexType) deserialize the value at the current token (the next token
//   when there is none) as JSON.deserialize / deserializeStrict do; the parser is left on its last token.
// - skipChildren() moves from START_OBJECT / START_ARRAY to the matching end token.
// - clearCurrentToken(): "After this method is called, a call to hasCurrentToken returns false and a call to
//   getCurrentToken returns null. You can retrieve the cleared token by calling getLastClearedToken."
import { EmulatorUnsupportedError } from '../../errors';
import type { Program } from '../../runtime/program';
import type { Txn } from '../../runtime/transaction';
import { ApexObject, TypeValue, type Value } from '../../runtime/values';
import { ApexDate } from '../../values/Date';
import { ApexDatetime } from '../../values/Datetime';
import { ApexDecimal } from '../../values/Decimal';
import { ApexDouble } from '../../values/Double';
import { base64Decode } from '../../values/Encoding';
import { ApexId } from '../../values/Id';
import { INTEGER_MAX_VALUE, INTEGER_MIN_VALUE } from '../../values/Integer';
import { LONG_MAX_VALUE, LONG_MIN_VALUE } from '../../values/Long';
import { arg, defineBuiltin, enumConstant, noOverload, nullArgument } from '../define';
import { typedValue } from './deserialize';
import { parseJsonDate, parseJsonDatetime } from './temporal';
import { jsonException, JsonTokenizer, literalText, type Token, type TokenKind } from './tokenizer';
import { readTree } from './tree';

/** JSONToken's constants in the order of the "JSONToken Enum" page. */
export const JSON_TOKENS = [
  'END_ARRAY',
  'END_OBJECT',
  'FIELD_NAME',
  'NOT_AVAILABLE',
  'START_ARRAY',
  'START_OBJECT',
  'VALUE_EMBEDDED_OBJECT',
  'VALUE_FALSE',
  'VALUE_NULL',
  'VALUE_NUMBER_FLOAT',
  'VALUE_NUMBER_INT',
  'VALUE_STRING',
  'VALUE_TRUE',
];

interface Current {
  token: Token;
  /** getCurrentName() at this token. */
  name: string | null;
}

class ParserState {
  current: Current | null = null;
  lastCleared: Current | null = null;

  constructor(readonly tokens: JsonTokenizer) {}

  advance(): Current | null {
    const t = this.tokens.next();
    if (!t) {
      this.current = null;
      return null;
    }
    const ctx = this.tokens.context;
    let name: string | null;
    if (t.kind === 'START_OBJECT' || t.kind === 'START_ARRAY') name = this.tokens.parentContext?.name ?? null;
    else name = ctx.type === 'OBJECT' ? ctx.name : null;
    this.current = { token: t, name };
    return this.current;
  }

  /** After consuming a structure with the tokenizer directly: the parser stands on its end token. */
  landOnEnd(kind: TokenKind): void {
    const ctx = this.tokens.context;
    this.current = {
      token: { kind, text: literalText(kind) ?? '', line: 0, column: 0 },
      name: ctx.type === 'OBJECT' ? ctx.name : null,
    };
  }
}

function state(self: Value): ParserState {
  return (self as ApexObject).native as ParserState;
}

export function newParser(txn: Txn, text: string): Value {
  const cls = txn.program.builtin('system.jsonparser');
  if (!cls) throw new Error('emulator: System.JSONParser is not registered');
  return new ApexObject(cls, new ParserState(new JsonTokenizer(text)));
}

function tokenValue(program: Program, c: Current | null): Value {
  return c === null ? null : enumConstant(program, 'system.jsontoken', c.token.kind);
}

function kindOf(s: ParserState): string {
  return s.current?.token.kind ?? 'null';
}

function numeric(s: ParserState): Token {
  const t = s.current?.token;
  if (!t || (t.kind !== 'VALUE_NUMBER_INT' && t.kind !== 'VALUE_NUMBER_FLOAT')) {
    throw jsonException(`Current token (${kindOf(s)}) not numeric, can not use numeric value accessors`);
  }
  return t;
}

function integral(s: ParserState, method: string): bigint {
  const t = numeric(s);
  if (t.kind === 'VALUE_NUMBER_FLOAT') {
    throw new EmulatorUnsupportedError(`JSONParser.${method} on the fractional number ${t.text}`);
  }
  return BigInt(t.text);
}

function stringToken(s: ParserState, method: string): string {
  const t = s.current?.token;
  if (!t || t.kind !== 'VALUE_STRING') {
    throw new EmulatorUnsupportedError(`JSONParser.${method} on a ${kindOf(s)} token`);
  }
  return t.text;
}

function readValue(txn: Txn, s: ParserState, args: Value[], strict: boolean): Value {
  if (args.length !== 1) return noOverload(strict ? 'JSONParser.readValueAsStrict' : 'JSONParser.readValueAs', args);
  const type = arg(args, 0);
  if (type === null) throw nullArgument();
  if (!(type instanceof TypeValue)) throw new EmulatorUnsupportedError('JSONParser.readValueAs of a non-Type argument');
  const c = s.current ?? s.advance();
  if (!c) throw jsonException('No content to map due to end-of-input');
  if (c.token.kind === 'FIELD_NAME' || c.token.kind === 'END_OBJECT' || c.token.kind === 'END_ARRAY') {
    throw new EmulatorUnsupportedError(`JSONParser.readValueAs on a ${c.token.kind} token`);
  }
  const node = readTree(s.tokens, c.token);
  if (node.kind !== 'scalar') s.landOnEnd(node.kind === 'object' ? 'END_OBJECT' : 'END_ARRAY');
  return typedValue(txn, node, type.type, strict);
}

export function registerJsonParser(program: Program): void {
  defineBuiltin(program, { name: 'JSONToken', namespace: 'System', kind: 'enum', enumValues: JSON_TOKENS });
  defineBuiltin(program, {
    name: 'JSONParser',
    namespace: 'System',
    methods: {
      nexttoken: (txn, self) => tokenValue(txn.program, state(self).advance()),
      nextvalue: (txn, self) => {
        const s = state(self);
        let c = s.advance();
        if (c?.token.kind === 'FIELD_NAME') c = s.advance();
        return tokenValue(txn.program, c);
      },
      getcurrenttoken: (txn, self) => tokenValue(txn.program, state(self).current),
      hascurrenttoken: (_t, self) => state(self).current !== null,
      clearcurrenttoken: (_t, self) => {
        const s = state(self);
        if (s.current) s.lastCleared = s.current;
        s.current = null;
        return null;
      },
      getlastclearedtoken: (txn, self) => tokenValue(txn.program, state(self).lastCleared),
      getcurrentname: (_t, self) => state(self).current?.name ?? null,
      gettext: (_t, self) => state(self).current?.token.text ?? null,
      getintegervalue: (_t, self) => {
        const s = state(self);
        const n = integral(s, 'getIntegerValue');
        if (n < BigInt(INTEGER_MIN_VALUE) || n > BigInt(INTEGER_MAX_VALUE)) {
          throw jsonException(`Numeric value (${s.current?.token.text ?? ''}) out of range of int`);
        }
        return Number(n);
      },
      getlongvalue: (_t, self) => {
        const s = state(self);
        const n = integral(s, 'getLongValue');
        if (n < LONG_MIN_VALUE || n > LONG_MAX_VALUE) {
          throw jsonException(`Numeric value (${s.current?.token.text ?? ''}) out of range of long`);
        }
        return n;
      },
      getdoublevalue: (_t, self) => new ApexDouble(Number(numeric(state(self)).text)),
      getdecimalvalue: (_t, self) => ApexDecimal.valueOf(numeric(state(self)).text),
      getbooleanvalue: (_t, self) => {
        const s = state(self);
        const kind = s.current?.token.kind;
        if (kind === 'VALUE_TRUE') return true;
        if (kind === 'VALUE_FALSE') return false;
        throw jsonException(`Current token (${kindOf(s)}) not of boolean type`);
      },
      getdatevalue: (_t, self) => {
        const text = stringToken(state(self), 'getDateValue');
        const days = parseJsonDate(text);
        if (days === null) throw new EmulatorUnsupportedError(`JSONParser.getDateValue of '${text}'`);
        return new ApexDate(days);
      },
      getdatetimevalue: (_t, self) => {
        const text = stringToken(state(self), 'getDatetimeValue');
        const ms = parseJsonDatetime(text);
        if (ms === null) throw new EmulatorUnsupportedError(`JSONParser.getDatetimeValue of '${text}'`);
        return new ApexDatetime(ms);
      },
      gettimevalue: () => {
        throw new EmulatorUnsupportedError('JSONParser.getTimeValue (the Time formats it reads are not documented)');
      },
      getidvalue: (_t, self) => ApexId.valueOf(stringToken(state(self), 'getIdValue')),
      getblobvalue: (_t, self) => base64Decode(stringToken(state(self), 'getBlobValue')),
      readvalueas: (txn, self, args) => readValue(txn, state(self), args, false),
      readvalueasstrict: (txn, self, args) => readValue(txn, state(self), args, true),
      skipchildren: (_t, self) => {
        const s = state(self);
        const kind = s.current?.token.kind;
        if (kind !== 'START_OBJECT' && kind !== 'START_ARRAY') return null;
        const depth = s.tokens.depth - 1;
        let last: Token | null = null;
        while (s.tokens.depth > depth) last = s.tokens.next();
        s.landOnEnd(last?.kind ?? (kind === 'START_OBJECT' ? 'END_OBJECT' : 'END_ARRAY'));
        return null;
      },
    },
  });
}

// System.JSON (Apex Reference, "JSON Class"): serialize, serializePretty, deserialize, deserializeStrict,
// deserializeUntyped, createGenerator, createParser. The value rules are in serialize.ts and deserialize.ts, the
// text rules in writer.ts and tokenizer.ts.
//
// Input: one JSON value with nothing but whitespace around it. Jackson, under Apex, stops reading after the first
// value; whether the platform then refuses trailing text is not documented, so trailing text fails loudly. Empty
// input is Jackson's "No content to map due to end-of-input".
import { EmulatorUnsupportedError } from '../../errors';
import type { Program } from '../../runtime/program';
import type { Txn } from '../../runtime/transaction';
import { TypeValue, type Value } from '../../runtime/values';
import { arg, booleanArg, defineBuiltin, noOverload, nullArgument, stringArg } from '../define';
import { typedValue, untypedValue } from './deserialize';
import { newGenerator } from './generator';
import { newParser } from './parser';
import { writeValue } from './serialize';
import { jsonException, JsonTokenizer } from './tokenizer';
import { readTree, type JsonNode } from './tree';
import { JsonWriter } from './writer';

/** The whole input as one JSON value. */
export function parseDocument(text: string): JsonNode {
  const tokens = new JsonTokenizer(text);
  const first = tokens.next();
  if (!first) throw jsonException('No content to map due to end-of-input');
  const node = readTree(tokens, first);
  if (tokens.hasTrailingContent()) {
    throw new EmulatorUnsupportedError('JSON deserialization of text with content after the first JSON value');
  }
  return node;
}

function serialize(txn: Txn, value: Value, pretty: boolean, suppressApexObjectNulls: boolean): string {
  const w = new JsonWriter(pretty);
  writeValue(txn, w, value, { suppressApexObjectNulls });
  return w.text();
}

function typeArg(args: Value[], i: number): TypeValue {
  const v = arg(args, i);
  if (v === null) throw nullArgument();
  if (!(v instanceof TypeValue))
    throw new EmulatorUnsupportedError('JSON.deserialize with a second argument that is not a System.Type');
  return v;
}

export function registerJsonClass(program: Program): void {
  defineBuiltin(program, {
    name: 'JSON',
    namespace: 'System',
    statics: {
      serialize: (txn, _self, args) => {
        if (args.length === 1) return serialize(txn, arg(args, 0), false, false);
        if (args.length === 2) return serialize(txn, arg(args, 0), false, booleanArg(args, 1));
        return noOverload('JSON.serialize', args);
      },
      serializepretty: (txn, _self, args) => {
        if (args.length === 1) return serialize(txn, arg(args, 0), true, false);
        if (args.length === 2) return serialize(txn, arg(args, 0), true, booleanArg(args, 1));
        return noOverload('JSON.serializePretty', args);
      },
      deserialize: (txn, _self, args) => {
        if (args.length !== 2) return noOverload('JSON.deserialize', args);
        return typedValue(txn, parseDocument(stringArg(args, 0)), typeArg(args, 1).type, false);
      },
      deserializestrict: (txn, _self, args) => {
        if (args.length !== 2) return noOverload('JSON.deserializeStrict', args);
        return typedValue(txn, parseDocument(stringArg(args, 0)), typeArg(args, 1).type, true);
      },
      deserializeuntyped: (txn, _self, args) => {
        if (args.length !== 1) return noOverload('JSON.deserializeUntyped', args);
        return untypedValue(txn, parseDocument(stringArg(args, 0)));
      },
      creategenerator: (txn, _self, args) => {
        if (args.length !== 1) return noOverload('JSON.createGenerator', args);
        return newGenerator(txn, booleanArg(args, 0));
      },
      createparser: (txn, _self, args) => {
        if (args.length !== 1) return noOverload('JSON.createParser', args);
        return newParser(txn, stringArg(args, 0));
      },
    },
  });
}

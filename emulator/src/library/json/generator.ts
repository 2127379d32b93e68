// System.JSONGenerator (Apex Reference, "JSONGenerator Class"; Apex Developer Guide, "JSON Generator"): JSON written
// element by element, compact or pretty (JSON.createGenerator(prettyPrint)). writeObject / writeObjectField write a
// value as JSON.serialize does. getAsString() "Returns the generated JSON content" and closes the generator; closing
// completes open arrays and objects, as Jackson's generator does by default (AUTO_CLOSE_JSON_CONTENT). Writing out
// of place (a value where a field name is due, a field name in an array, closing the wrong container) is Jackson's
// error, a System.JSONException. Null arguments write JSON null, as Jackson's write methods do for null.
import type { Program } from '../../runtime/program';
import type { Txn } from '../../runtime/transaction';
import { ApexObject, type Value } from '../../runtime/values';
import { ApexBlob } from '../../values/Blob';
import { ApexDate } from '../../values/Date';
import { ApexDatetime } from '../../values/Datetime';
import { ApexId } from '../../values/Id';
import { ApexTime } from '../../values/Time';
import { ApexPlatformError, EmulatorUnsupportedError } from '../../errors';
import { arg, defineBuiltin, noOverload, stringArg } from '../define';
import { numberText, writePrimitive, writeValue } from './serialize';
import { JsonWriter } from './writer';

function writer(self: Value): JsonWriter {
  return (self as ApexObject).native as JsonWriter;
}

export function newGenerator(txn: Txn, pretty: boolean): Value {
  const cls = txn.program.builtin('system.jsongenerator');
  if (!cls) throw new Error('emulator: System.JSONGenerator is not registered');
  return new ApexObject(cls, new JsonWriter(pretty));
}

type Check = (v: Value) => boolean;
const isString: Check = (v) => typeof v === 'string' || v instanceof ApexId;
const isBoolean: Check = (v) => typeof v === 'boolean';
const isNumber: Check = (v) => numberText(v) !== undefined;

/** A write method of one typed value: writes it (or null), refusing a value of another type. */
function valueWriter(method: string, accepts: Check): (txn: Txn, self: Value, args: Value[]) => Value {
  return (_txn, self, args) => {
    if (args.length !== 1) return noOverload(`JSONGenerator.${method}`, args);
    writeChecked(writer(self), method, arg(args, 0), accepts);
    return null;
  };
}

/** A write…Field method: the field name, then the typed value. */
function fieldWriter(method: string, accepts: Check): (txn: Txn, self: Value, args: Value[]) => Value {
  return (_txn, self, args) => {
    if (args.length !== 2) return noOverload(`JSONGenerator.${method}`, args);
    const w = writer(self);
    w.fieldName(stringArg(args, 0));
    writeChecked(w, method, arg(args, 1), accepts);
    return null;
  };
}

function writeChecked(w: JsonWriter, method: string, v: Value, accepts: Check): void {
  if (v !== null && !accepts(v)) {
    throw new ApexPlatformError('System.TypeException', `JSONGenerator.${method}: unexpected argument type`);
  }
  if (!writePrimitive(w, v)) throw new EmulatorUnsupportedError(`JSONGenerator.${method} of this value`);
}

export function registerJsonGenerator(program: Program): void {
  defineBuiltin(program, {
    name: 'JSONGenerator',
    namespace: 'System',
    methods: {
      close: (_t, self) => {
        writer(self).close();
        return null;
      },
      isclosed: (_t, self) => writer(self).closed,
      getasstring: (_t, self) => {
        const w = writer(self);
        w.close();
        return w.text();
      },
      writestartobject: (_t, self) => {
        writer(self).startObject();
        return null;
      },
      writeendobject: (_t, self) => {
        writer(self).endObject();
        return null;
      },
      writestartarray: (_t, self) => {
        writer(self).startArray();
        return null;
      },
      writeendarray: (_t, self) => {
        writer(self).endArray();
        return null;
      },
      writefieldname: (_t, self, args) => {
        writer(self).fieldName(stringArg(args, 0));
        return null;
      },
      writenull: (_t, self) => {
        writer(self).null();
        return null;
      },
      writenullfield: (_t, self, args) => {
        const w = writer(self);
        w.fieldName(stringArg(args, 0));
        w.null();
        return null;
      },
      writestring: valueWriter('writeString', isString),
      writestringfield: fieldWriter('writeStringField', isString),
      writeboolean: valueWriter('writeBoolean', isBoolean),
      writebooleanfield: fieldWriter('writeBooleanField', isBoolean),
      writenumber: valueWriter('writeNumber', isNumber),
      writenumberfield: fieldWriter('writeNumberField', isNumber),
      writeid: valueWriter('writeId', (v) => v instanceof ApexId || typeof v === 'string'),
      writeidfield: fieldWriter('writeIdField', (v) => v instanceof ApexId || typeof v === 'string'),
      writedate: valueWriter('writeDate', (v) => v instanceof ApexDate),
      writedatefield: fieldWriter('writeDateField', (v) => v instanceof ApexDate),
      writedatetime: valueWriter('writeDateTime', (v) => v instanceof ApexDatetime),
      writedatetimefield: fieldWriter('writeDateTimeField', (v) => v instanceof ApexDatetime),
      writetime: valueWriter('writeTime', (v) => v instanceof ApexTime),
      writetimefield: fieldWriter('writeTimeField', (v) => v instanceof ApexTime),
      writeblob: valueWriter('writeBlob', (v) => v instanceof ApexBlob),
      writeblobfield: fieldWriter('writeBlobField', (v) => v instanceof ApexBlob),
      writeobject: (txn, self, args) => {
        if (args.length !== 1) return noOverload('JSONGenerator.writeObject', args);
        writeValue(txn, writer(self), arg(args, 0), { suppressApexObjectNulls: false });
        return null;
      },
      writeobjectfield: (txn, self, args) => {
        if (args.length !== 2) return noOverload('JSONGenerator.writeObjectField', args);
        const w = writer(self);
        w.fieldName(stringArg(args, 0));
        writeValue(txn, w, arg(args, 1), { suppressApexObjectNulls: false });
        return null;
      },
    },
  });
}

// Compound address fields (Apex Developer Guide / SOQL and SOSL Reference, "Compound Fields" and "Address Compound
// Fields"; Apex Reference, "Address Class"): a query that selects BillingAddress returns a System.Address made of the
// BillingStreet, BillingCity, BillingState, BillingPostalCode, BillingCountry, BillingStateCode, BillingCountryCode,
// BillingLatitude, BillingLongitude and BillingGeocodeAccuracy values of the record; compound fields are read-only.
// Address.getDistance / Location and geolocation compound fields are not modelled (fail loudly).
import { EmulatorUnsupportedError } from '../../errors';
import type { StoredRecord } from '../../data/Database';
import type { ClassInfo } from '../../runtime/classes';
import type { Program } from '../../runtime/program';
import { ApexObject, type Value } from '../../runtime/values';
import type { FieldDescribe } from '../../schema/types';
import { defineBuiltin } from '../define';

/** The parts of an address, by the suffix of their field name (BillingCity → City). */
const PARTS = [
  'Street',
  'City',
  'State',
  'PostalCode',
  'Country',
  'StateCode',
  'CountryCode',
  'Latitude',
  'Longitude',
  'GeocodeAccuracy',
] as const;
type Part = (typeof PARTS)[number];

let addressClass: ClassInfo | undefined;

/** The System.Address of a stored record's compound address field. */
export function addressOf(rec: StoredRecord, field: FieldDescribe): Value {
  if (!addressClass) throw new Error('emulator: System.Address is not registered');
  if (!field.name.endsWith('Address'))
    throw new EmulatorUnsupportedError(`compound field ${rec.describe.name}.${field.name}`);
  const prefix = field.name.slice(0, -'Address'.length);
  const parts = new Map<Part, Value>();
  let any = false;
  for (const part of PARTS) {
    const v = rec.fields.get(`${prefix}${part}`.toLowerCase()) ?? null;
    parts.set(part, v);
    if (v !== null) any = true;
  }
  // An address whose parts are all null reads as null (what a query returns for an empty compound field).
  return any ? new ApexObject(addressClass, parts) : null;
}

function part(name: Part) {
  return (_t: unknown, s: Value): Value => ((s as ApexObject).native as Map<Part, Value>).get(name) ?? null;
}

export function registerAddress(program: Program): void {
  const methods: Record<string, (t: never, s: Value) => Value> = {};
  for (const p of PARTS) methods[`get${p}`] = part(p);
  addressClass = defineBuiltin(program, {
    name: 'Address',
    namespace: 'System',
    methods: {
      ...methods,
      getDistance: () => {
        throw new EmulatorUnsupportedError('Address.getDistance (geolocation distance)');
      },
    },
  });
}

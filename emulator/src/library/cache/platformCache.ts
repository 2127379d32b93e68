// Platform Cache (Apex Reference, "Cache Namespace": Org Class, Session Class, Partition Class, OrgPartition Class,
// SessionPartition Class, CacheBuilder Interface, Visibility Enum, "Cache Exceptions"; Apex Developer Guide,
// "Platform Cache", "Platform Cache Partitions", "Platform Cache Considerations", "Platform Cache Internals").
//
// Partitions come from the project's cachePartitions/<Name>.cachePartition-meta.xml (Metadata API,
// "PlatformCachePartition"); a partition is named `local.<Name>` (or `<namespace>.<Name>`), a key of the static
// Cache.Org / Cache.Session methods is `<key>` (the default partition, isDefaultPartition) or
// `<namespace>.<partition>.<key>`, and a key given to a partition is alphanumeric ("Cache Exceptions",
// InvalidParamException). The org cache is shared by every user; the session cache belongs to the user who started
// the request, and there is none in async Apex or anonymous Apex ("Platform Cache Considerations": SessionCache
// NoSessionException, isAvailable() false). A value is stored as a copy and each get returns a copy (values cross
// transactions serialized: "Platform Cache Internals"). Cache operations of a request that fails are rolled back
// ("Platform Cache Internals", Atomic Transactions); each test method starts from the cache as its @TestSetup left it.
// Get with a CacheBuilder class runs its doLoad(key) on a miss and caches a non-null result.
//
// Emulator choices where the documentation is silent: values never expire (ttlSecs is validated, not timed); the
// exception messages are the emulator's wording; a partition without capacity for the cache type, a partition of
// another namespace, the statistics methods (getAvgGetTime …) and item size limits fail loudly.
import { ApexPlatformError, EmulatorUnsupportedError } from '../../errors';
import type { ClassInfo } from '../../runtime/classes';
import { storePut } from '../../runtime/equality';
import { callInstance, instantiate } from '../../runtime/invoke';
import type { Program } from '../../runtime/program';
import { SObjectValue } from '../../runtime/sobject';
import type { Txn } from '../../runtime/transaction';
import { BOOLEAN_TYPE, OBJECT_TYPE, STRING_TYPE } from '../../runtime/types';
import { ApexList, ApexMap, ApexObject, ApexSet, TypeValue, type Value } from '../../runtime/values';
import type { Org } from '../../org/Org';
import type { CachePartitionMeta } from '../../project';
import { asyncState } from '../async/jobs';
import { defineBuiltin, integerArg, stringArg } from '../define';

type Kind = 'org' | 'session';

/** Cache.Org.MAX_TTL_SECS (48 hours) and Cache.Session.MAX_TTL_SECS (8 hours); the minimum is 300 seconds. */
const MAX_TTL: Record<Kind, number> = { org: 172800, session: 28800 };
const MIN_TTL = 300;
const ALPHANUMERIC = /^[A-Za-z0-9]+$/;
/** Values cached by a CacheBuilder live under keys no Apex key can spell. */
const BUILDER = '\u0000';

/** Entries by partition (lower-case name) — the org's, and per user the session's. */
interface CacheStore {
  org: Map<string, Map<string, Value>>;
  session: Map<string, Map<string, Map<string, Value>>>;
}

function store(org: Org): CacheStore {
  return org.caches<CacheStore>('platformCache', () => ({ org: new Map(), session: new Map() }));
}

/** A copy of the whole cache (test isolation, rollback of a failed request). */
export function snapshotPlatformCache(org: Org): CacheStore {
  const s = store(org);
  const copyPartitions = (m: Map<string, Map<string, Value>>) =>
    new Map([...m].map(([k, v]) => [k, new Map(v)] as const));
  return { org: copyPartitions(s.org), session: new Map([...s.session].map(([u, m]) => [u, copyPartitions(m)])) };
}

export function restorePlatformCache(org: Org, snap: CacheStore): void {
  const s = store(org);
  const copy = snapshotPlatformCache({ caches: () => snap } as unknown as Org);
  s.org = copy.org;
  s.session = copy.session;
}

// ---------------------------------------------------------------- values

/** A copy of a value as the cache keeps it: collections, sObjects and user objects are copied, others shared. */
function copyValue(txn: Txn, v: Value, seen = new Map<object, Value>()): Value {
  if (v === null || typeof v !== 'object') return v;
  const done = seen.get(v);
  if (done !== undefined) return done;
  if (v instanceof ApexList) {
    const l = new ApexList(v.elementType);
    seen.set(v, l);
    l.items = v.items.map((x) => copyValue(txn, x, seen));
    return l;
  }
  if (v instanceof ApexSet) {
    const s = new ApexSet(v.elementType);
    seen.set(v, s);
    for (const e of v.store.entries()) storePut(txn, s.store, copyValue(txn, e.key, seen), null);
    return s;
  }
  if (v instanceof ApexMap) {
    const m = new ApexMap(v.keyType, v.valueType);
    m.caseInsensitiveKeys = v.caseInsensitiveKeys;
    seen.set(v, m);
    for (const e of v.store.entries())
      storePut(txn, m.store, copyValue(txn, e.key, seen), copyValue(txn, e.value, seen));
    return m;
  }
  if (v instanceof SObjectValue) {
    const r = new SObjectValue(v.describe);
    seen.set(v, r);
    for (const [k, x] of v.values) r.values.set(k, copyValue(txn, x, seen));
    r.queried = v.queried ? new Set(v.queried) : null;
    return r;
  }
  if (v instanceof ApexObject) {
    if (v.cls.isBuiltin)
      throw new EmulatorUnsupportedError(`a ${v.cls.apexName} value in the platform cache (built-in objects)`);
    const o = new ApexObject(v.cls);
    seen.set(v, o);
    for (const [k, x] of Object.entries(v.fields)) o.fields[k] = copyValue(txn, x, seen);
    return o;
  }
  // Ids, Decimals, dates, Blobs, enum constants and types are immutable.
  return v;
}

// ---------------------------------------------------------------- partitions and keys

interface Partition {
  kind: Kind;
  meta: CachePartitionMeta;
}

function invalidParam(message: string): ApexPlatformError {
  return new ApexPlatformError('Cache.InvalidParamException', message);
}

function missingPartition(kind: Kind, message: string): ApexPlatformError {
  return new ApexPlatformError(
    kind === 'org' ? 'Cache.Org.OrgCacheException' : 'Cache.Session.SessionCacheException',
    message,
  );
}

function partitions(txn: Txn): CachePartitionMeta[] {
  return txn.org.project.cachePartitions ?? [];
}

function ownNamespace(txn: Txn, ns: string): boolean {
  const own = txn.org.project.config.namespace;
  return ns.toLowerCase() === 'local' || (own !== undefined && own !== '' && ns.toLowerCase() === own.toLowerCase());
}

/** A partition by its qualified name `namespace.partition` (Cache.Org.getPartition, Cache.Session.getPartition). */
function partitionNamed(txn: Txn, kind: Kind, qualified: string): Partition {
  const parts = qualified.split('.');
  if (parts.length !== 2 || parts.some((p) => p === '')) {
    if (parts.length === 1 && ALPHANUMERIC.test(qualified))
      throw new EmulatorUnsupportedError(
        `a partition name without its namespace ('${qualified}'; use local.${qualified}) — not documented`,
      );
    throw invalidParam(`Invalid partition name: ${qualified}`);
  }
  const [ns, name] = parts as [string, string];
  if (!ALPHANUMERIC.test(name)) throw invalidParam(`Invalid partition name: ${qualified}`);
  if (!ownNamespace(txn, ns))
    throw new EmulatorUnsupportedError(`the cache partition ${qualified} of another namespace`);
  const meta = partitions(txn).find((p) => p.name.toLowerCase() === name.toLowerCase());
  if (!meta) throw missingPartition(kind, `Partition not found: ${qualified}`);
  return { kind, meta };
}

function defaultPartition(txn: Txn, kind: Kind): Partition {
  const meta = partitions(txn).find((p) => p.isDefaultPartition);
  if (!meta) throw missingPartition(kind, 'No default cache partition is defined');
  return { kind, meta };
}

/** A key of the static Cache.Org / Cache.Session methods: `key` (default partition) or `ns.partition.key`. */
function staticKey(txn: Txn, kind: Kind, key: string): { partition: Partition; key: string } {
  const parts = key.split('.');
  if (parts.length === 1) return { partition: defaultPartition(txn, kind), key: checkedKey(key) };
  if (parts.length !== 3) throw invalidParam(`Invalid key: ${key}. A key is <key> or <namespace>.<partition>.<key>`);
  const [ns, name, k] = parts as [string, string, string];
  return { partition: partitionNamed(txn, kind, `${ns}.${name}`), key: checkedKey(k) };
}

function checkedKey(key: string): string {
  if (!ALPHANUMERIC.test(key)) throw invalidParam(`Invalid key: ${key}. Keys must be alphanumeric`);
  return key;
}

function sessionOwner(txn: Txn): string {
  return txn.userStack[0] ?? txn.userId;
}

function sessionAvailable(txn: Txn): boolean {
  if (asyncState(txn).context !== undefined || txn.isAsync) return false;
  return txn.scratch.get('request:quiddity') !== 'ANONYMOUS';
}

/** The entries of a partition, after checking the cache type is usable. */
function entries(txn: Txn, p: Partition): Map<string, Value> {
  if (p.kind === 'session' && !sessionAvailable(txn))
    throw new ApexPlatformError(
      'Cache.Session.SessionCacheNoSessionException',
      'Session cache is not available in asynchronous or anonymous Apex',
    );
  const capacity = p.kind === 'org' ? p.meta.capacity.organization : p.meta.capacity.session;
  if (!capacity)
    throw new EmulatorUnsupportedError(
      `the ${p.kind} cache of partition ${p.meta.name}, which has no allocated capacity (what the org does is not documented)`,
    );
  const s = store(txn.org);
  let byPartition: Map<string, Map<string, Value>>;
  if (p.kind === 'org') byPartition = s.org;
  else {
    const owner = sessionOwner(txn);
    byPartition = s.session.get(owner) ?? new Map<string, Map<string, Value>>();
    s.session.set(owner, byPartition);
  }
  const name = p.meta.name.toLowerCase();
  let m = byPartition.get(name);
  if (!m) {
    m = new Map();
    byPartition.set(name, m);
  }
  return m;
}

// ---------------------------------------------------------------- operations

function ttlOf(kind: Kind, args: Value[], index: number): void {
  const v = args[index] ?? null;
  if (v === null) return;
  const ttl = integerArg(args, index);
  if (ttl < MIN_TTL || ttl > MAX_TTL[kind])
    throw new EmulatorUnsupportedError(
      `a ttlSecs of ${ttl} (the documented range is ${MIN_TTL} to ${MAX_TTL[kind]} seconds; the org's answer is not)`,
    );
}

function put(txn: Txn, p: Partition, key: string, args: Value[]): null {
  const value = args[1] ?? null;
  if (value === null) throw invalidParam(`Invalid value for key ${key}: null`);
  // put(key, value, ttlSecs), put(key, value, visibility), put(key, value, ttlSecs, visibility, immutable)
  if (args.length === 3 && typeof args[2] === 'number') ttlOf(p.kind, args, 2);
  if (args.length === 5) ttlOf(p.kind, args, 2);
  entries(txn, p).set(key, copyValue(txn, value));
  return null;
}

function get(txn: Txn, p: Partition, key: string): Value {
  const v = entries(txn, p).get(key);
  return v === undefined ? null : copyValue(txn, v);
}

function builderKey(builder: ClassInfo, key: string): string {
  return `${BUILDER}${builder.lower}${BUILDER}${key}`;
}

function builderClass(txn: Txn, v: Value): ClassInfo {
  if (v === null) throw invalidParam('Invalid CacheBuilder: null');
  if (!(v instanceof TypeValue) || v.type.kind !== 'class')
    throw new ApexPlatformError(
      'System.TypeException',
      'The cache builder must be a class that implements Cache.CacheBuilder',
    );
  const cls = v.type.cls;
  const iface = txn.program.builtin('cache.cachebuilder');
  if (!iface || !cls.isSubtypeOf(iface))
    throw new ApexPlatformError('System.TypeException', `${cls.apexName} does not implement Cache.CacheBuilder`);
  return cls;
}

/** get(cacheBuilder, key): the cached value, or doLoad(key) of a new instance of the builder class, cached. */
function getWithBuilder(txn: Txn, p: Partition, args: Value[]): Value {
  const cls = builderClass(txn, args[0] ?? null);
  const key = checkedKey(stringArg(args, 1));
  const m = entries(txn, p);
  const k = builderKey(cls, key);
  const cached = m.get(k);
  if (cached !== undefined) return copyValue(txn, cached);
  const loaded = callInstance(txn, instantiate(txn, cls, []), 'doLoad', [key]);
  if (loaded !== null) m.set(k, copyValue(txn, loaded));
  return loaded;
}

function keysOf(txn: Txn, p: Partition): ApexSet {
  const s = new ApexSet(STRING_TYPE);
  for (const k of entries(txn, p).keys()) if (!k.startsWith(BUILDER)) storePut(txn, s.store, k, null);
  return s;
}

function stringSet(txn: Txn, v: Value): string[] {
  if (!(v instanceof ApexSet)) throw invalidParam('Invalid keys: null');
  return [...v.store.entries()].map((e) => {
    if (typeof e.key !== 'string') throw invalidParam('Invalid key: null');
    return e.key;
  });
}

/** The operations of a partition (instance methods) and of the static Cache.Org / Cache.Session methods. */
function operations(
  resolve: (txn: Txn, key: string) => { partition: Partition; key: string },
  whole: (txn: Txn) => Partition,
) {
  return {
    contains: (t: Txn, a: Value[]): Value => {
      if (a[0] instanceof ApexSet) {
        const m = new ApexMap(STRING_TYPE, BOOLEAN_TYPE);
        for (const key of stringSet(t, a[0])) {
          const r = resolve(t, key);
          storePut(t, m.store, key, entries(t, r.partition).has(r.key));
        }
        return m;
      }
      const r = resolve(t, stringArg(a, 0));
      return entries(t, r.partition).has(r.key);
    },
    get: (t: Txn, a: Value[]): Value => {
      if (a.length === 2) return getWithBuilder(t, whole(t), a);
      if (a[0] instanceof ApexSet) {
        const m = new ApexMap(STRING_TYPE, OBJECT_TYPE);
        for (const key of stringSet(t, a[0])) {
          const r = resolve(t, key);
          storePut(t, m.store, key, get(t, r.partition, r.key));
        }
        return m;
      }
      const r = resolve(t, stringArg(a, 0));
      return get(t, r.partition, r.key);
    },
    put: (t: Txn, a: Value[]): Value => {
      const r = resolve(t, stringArg(a, 0));
      return put(t, r.partition, r.key, a);
    },
    remove: (t: Txn, a: Value[]): Value => {
      if (a.length === 2) {
        const cls = builderClass(t, a[0] ?? null);
        return entries(t, whole(t)).delete(builderKey(cls, checkedKey(stringArg(a, 1))));
      }
      const r = resolve(t, stringArg(a, 0));
      return entries(t, r.partition).delete(r.key);
    },
    getKeys: (t: Txn): Value => keysOf(t, whole(t)),
    getNumKeys: (t: Txn): Value => keysOf(t, whole(t)).store.size,
  };
}

const STATISTICS = [
  'getAvgGetTime',
  'getAvgValueSize',
  'getCapacity',
  'getMaxGetTime',
  'getMaxValueSize',
  'getMissRate',
];

function statistics(owner: string): Record<string, () => never> {
  const out: Record<string, () => never> = {};
  for (const name of STATISTICS)
    out[name] = () => {
      throw new EmulatorUnsupportedError(`${owner}.${name}() (cache statistics)`);
    };
  return out;
}

function partitionOf(v: Value): Partition {
  return (v as ApexObject).native as Partition;
}

export function registerPlatformCache(program: Program): void {
  defineBuiltin(program, { name: 'CacheBuilder', namespace: 'Cache', kind: 'interface' });
  defineBuiltin(program, { name: 'Visibility', namespace: 'Cache', kind: 'enum', enumValues: ['ALL', 'NAMESPACE'] });
  for (const name of [
    'InvalidParamException',
    'ItemSizeLimitExceededException',
    'PlatformCacheInvalidOperationException',
    'BulkApiKeysLimitExceededException',
    'UnsupportedOperationException',
  ])
    defineBuiltin(program, { name, namespace: 'Cache', superclass: 'System.Exception' });

  const validate = {
    createFullyQualifiedKey: (_t: Txn, _s: Value, a: Value[]) =>
      `${stringArg(a, 0)}.${stringArg(a, 1)}.${stringArg(a, 2)}`,
    createFullyQualifiedPartition: (_t: Txn, _s: Value, a: Value[]) => `${stringArg(a, 0)}.${stringArg(a, 1)}`,
    validatePartitionName: (_t: Txn, _s: Value, a: Value[]) => {
      const name = stringArg(a, 0);
      const parts = name.split('.');
      if (parts.length !== 2 || !parts.every((p) => ALPHANUMERIC.test(p)))
        throw invalidParam(`Invalid partition name: ${name}`);
      return null;
    },
    validateKey: (_t: Txn, _s: Value, a: Value[]) => {
      checkedKey(stringArg(a, 1));
      return null;
    },
    validateKeys: (t: Txn, _s: Value, a: Value[]) => {
      for (const k of stringSet(t, a[1] ?? null)) checkedKey(k);
      return null;
    },
    validateKeyValue: (_t: Txn, _s: Value, a: Value[]) => {
      checkedKey(stringArg(a, 1));
      if ((a[2] ?? null) === null) throw invalidParam('Invalid value: null');
      return null;
    },
  };
  const instance = (s: Value) => partitionOf(s);
  const bound = (s: Value) =>
    operations(
      (_t, key) => ({ partition: instance(s), key: checkedKey(key) }),
      () => instance(s),
    );
  const partitionMethods = {
    contains: (t: Txn, s: Value, a: Value[]) => bound(s).contains(t, a),
    get: (t: Txn, s: Value, a: Value[]) => bound(s).get(t, a),
    put: (t: Txn, s: Value, a: Value[]) => bound(s).put(t, a),
    remove: (t: Txn, s: Value, a: Value[]) => bound(s).remove(t, a),
    getKeys: (t: Txn, s: Value) => bound(s).getKeys(t),
    getNumKeys: (t: Txn, s: Value) => bound(s).getNumKeys(t),
    getName: (_t: Txn, s: Value) => instance(s).meta.name,
    isAvailable: (t: Txn, s: Value) => instance(s).kind === 'org' || sessionAvailable(t),
    ...statistics('Cache.Partition'),
  };
  defineBuiltin(program, {
    name: 'Partition',
    namespace: 'Cache',
    statics: validate,
    methods: partitionMethods,
  });
  const orgPartition = defineBuiltin(program, {
    name: 'OrgPartition',
    namespace: 'Cache',
    superclass: 'Cache.Partition',
  });
  const sessionPartition = defineBuiltin(program, {
    name: 'SessionPartition',
    namespace: 'Cache',
    superclass: 'Cache.Partition',
  });

  for (const kind of ['org', 'session'] as const) {
    const ops = operations(
      (t, key) => staticKey(t, kind, key),
      (t) => defaultPartition(t, kind),
    );
    const name = kind === 'org' ? 'Org' : 'Session';
    const cls = defineBuiltin(program, {
      name,
      namespace: 'Cache',
      statics: {
        contains: (t, _s, a) => ops.contains(t, a),
        get: (t, _s, a) => ops.get(t, a),
        put: (t, _s, a) => ops.put(t, a),
        remove: (t, _s, a) => ops.remove(t, a),
        getKeys: (t) => ops.getKeys(t),
        getNumKeys: (t) => ops.getNumKeys(t),
        getPartition: (t, _s, a) =>
          new ApexObject(kind === 'org' ? orgPartition : sessionPartition, partitionNamed(t, kind, stringArg(a, 0))),
        ...(kind === 'session' ? { isAvailable: (t: Txn) => sessionAvailable(t) } : {}),
        ...statistics(`Cache.${name}`),
      },
      staticProperties: { MAX_TTL_SECS: { get: () => MAX_TTL[kind] } },
    });
    const exceptions =
      kind === 'org' ? ['OrgCacheException'] : ['SessionCacheException', 'SessionCacheNoSessionException'];
    for (const e of exceptions) {
      const exc = defineBuiltin(program, { name: e, namespace: `Cache.${name}`, superclass: 'System.Exception' });
      cls.inner.set(e.toLowerCase(), exc);
    }
  }
}

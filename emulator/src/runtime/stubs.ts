// The Apex stub API (Apex Developer Guide, "Build a Mocking Framework with the Stub API"; Apex Reference, "Test
// Class", createStub(parentType, stubProvider), and "StubProvider Interface"). A stub is an instance of a class
// generated at run time as an anonymous subclass of the stubbed class (or an implementation of the stubbed
// interface); the platform names it `<Stubbed>__sfdc_ApexStub`, which is what String.valueOf(stub) starts with
// (fflib_ApexMocks.extractTypeName splits it on ':'). Every call of a non-static, non-private method of the stub
// goes to StubProvider.handleMethodCall(stubbedObject, stubbedMethodName, returnType, listOfParamTypes,
// listOfParamNames, listOfArgs), whose result is the call's result. The guide's limitations: static methods,
// private methods, properties, triggers, system types, Database.Batchable classes and classes with only private
// constructors cannot be stubbed; the stub API works only in a test context.
import { EmulatorUnsupportedError } from '../errors';
import { ClassInfo, type MethodInfo } from './classes';
import { castTo } from './conversion';
import type { Txn } from './transaction';
import { OBJECT_TYPE, STRING_TYPE, VOID_TYPE, type ApexType } from './types';
import { ApexList, ApexObject, TypeValue, type Value } from './values';

/** The native state of a stub object: the StubProvider its calls go to. */
export class StubState {
  constructor(readonly provider: ApexObject) {}
}

const stubClasses = new WeakMap<ClassInfo, ClassInfo>();

/** The generated stub class of a user class or interface (one per stubbed type, so `instanceof` is stable). */
function stubClassFor(parent: ClassInfo): ClassInfo {
  let cls = stubClasses.get(parent);
  if (!cls) {
    const name = `${parent.name}__sfdc_ApexStub`;
    cls = new ClassInfo(name, name, 'class', undefined, undefined, undefined);
    if (parent.isInterface) cls.interfaces = [parent];
    else cls.superclass = parent;
    cls.membersLoaded = true;
    cls.isTest = true;
    stubClasses.set(parent, cls);
  }
  return cls;
}

function implementsInterface(cls: ClassInfo, qualifiedLower: string): boolean {
  return cls
    .chain()
    .some((c) => c.interfaces.some((i) => i.lower === qualifiedLower || implementsInterface(i, qualifiedLower)));
}

/** Test.createStub(parentType, stubProvider). */
export function createStub(txn: Txn, parentType: Value, provider: Value): ApexObject {
  if (!txn.isTest) throw new EmulatorUnsupportedError('Test.createStub outside a test context');
  if (!(parentType instanceof TypeValue) || parentType.type.kind !== 'class') {
    throw new EmulatorUnsupportedError('Test.createStub of a type that is not an Apex class or interface');
  }
  const parent = parentType.type.cls;
  if (parent.isBuiltin) throw new EmulatorUnsupportedError(`Test.createStub of the system type ${parent.apexName}`);
  if (parent.kind === 'enum') throw new EmulatorUnsupportedError(`Test.createStub of the enum ${parent.apexName}`);
  if (implementsInterface(parent, 'database.batchable') || implementsInterface(parent, 'batchable')) {
    throw new EmulatorUnsupportedError(`Test.createStub of ${parent.apexName}, a Database.Batchable class`);
  }
  if (parent.kind === 'class' && parent.constructors.length > 0 && parent.constructors.every((c) => isPrivate(c))) {
    throw new EmulatorUnsupportedError(`Test.createStub of ${parent.apexName}, whose constructors are all private`);
  }
  if (!(provider instanceof ApexObject) || !provider.cls.isSubtypeOf(stubProviderInterface(txn))) {
    throw new EmulatorUnsupportedError('Test.createStub without a System.StubProvider');
  }
  return new ApexObject(stubClassFor(parent), new StubState(provider));
}

function stubProviderInterface(txn: Txn): ClassInfo {
  const i = txn.program.builtin('system.stubprovider');
  if (!i) throw new EmulatorUnsupportedError('System.StubProvider');
  return i;
}

/** Whether a member is private: declared so, or without an access modifier in a class (Apex's default). */
function isPrivate(m: MethodInfo): boolean {
  if (m.mods.access) return m.mods.access === 'private';
  return !m.cls.isInterface;
}

/** Whether a call of `method` on `target` goes to a StubProvider. */
export function isStubCall(target: ApexObject, method: MethodInfo): boolean {
  return target.native instanceof StubState && !method.isStatic && !isPrivate(method);
}

/** Runs a stubbed call: StubProvider.handleMethodCall, its result converted to the method's return type. */
export function callStub(
  txn: Txn,
  target: ApexObject,
  method: MethodInfo,
  args: Value[],
  callInstance: (txn: Txn, target: Value, name: string, args: Value[]) => Value,
  paramTypes: ApexType[],
  returnType: ApexType | undefined,
): Value {
  const state = target.native as StubState;
  const typeCls = txn.program.builtin('system.type');
  if (!typeCls) throw new EmulatorUnsupportedError('System.Type');
  const typeType: ApexType = { kind: 'class', cls: typeCls };
  const result = callInstance(txn, state.provider, 'handleMethodCall', [
    target,
    method.name,
    new TypeValue(returnType ?? VOID_TYPE),
    new ApexList(
      typeType,
      paramTypes.map((t) => new TypeValue(t)),
    ),
    new ApexList(
      STRING_TYPE,
      method.params.map((p) => p.name),
    ),
    new ApexList(OBJECT_TYPE, args.slice()),
  ]);
  if (!returnType || returnType.kind === 'void') return null;
  return castTo(result, returnType);
}

// Members of types that only the library knows: static members named at run time on built-in classes
// (`Schema.SObjectType.Account`) and the tokens of an sObject type (`Account.SObjectType`, `Account.Name`).
import { staticFallbackOf } from '../library/define';
import type { ClassInfo } from './classes';
import type { Program } from './program';
import type { Txn } from './transaction';
import type { Value } from './values';

type SObjectTokenFactory = (txn: Txn, sobject: string, member: string) => Value | undefined;
let tokenFactory: SObjectTokenFactory | undefined;

/** Installed by the Schema library: builds SObjectType and SObjectField tokens. */
export function setSObjectTokenFactory(factory: SObjectTokenFactory): void {
  tokenFactory = factory;
}

/** A run-time static member of a built-in class, or undefined when it has none of that name. */
export function staticMemberOf(_program: Program, cls: ClassInfo, name: string): ((txn: Txn) => Value) | undefined {
  const fallback = staticFallbackOf(cls);
  if (!fallback) return undefined;
  return (txn) => {
    const v = fallback(txn, name);
    if (v === undefined) {
      throw new Error(`emulator: ${cls.apexName}.${name} does not exist`);
    }
    return v;
  };
}

/** `Account.SObjectType`, `Account.Name` (an SObjectField token), resolved when first evaluated. */
export function sobjectTypeMember(_program: Program, sobject: string, name: string): ((txn: Txn) => Value) | undefined {
  return (txn) => {
    const v = tokenFactory?.(txn, sobject, name);
    if (v === undefined) throw new Error(`emulator: ${sobject}.${name} is neither SObjectType nor a field`);
    return v;
  };
}

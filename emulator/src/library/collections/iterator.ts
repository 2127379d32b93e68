// The Iterator a List or Set returns (Apex Reference, "Iterator Interface": hasNext(), next(); next() past the end
// throws System.NoSuchElementException).
import { ApexPlatformError } from '../../errors';
import type { ClassInfo } from '../../runtime/classes';
import type { Program } from '../../runtime/program';
import type { Txn } from '../../runtime/transaction';
import { ApexObject, type Value } from '../../runtime/values';
import { defineBuiltin } from '../define';

interface IteratorState {
  items: Value[];
  next: number;
}

let iteratorClass: ClassInfo | undefined;

export function newIterator(_txn: Txn, items: Value[]): ApexObject {
  if (!iteratorClass) throw new Error('emulator: the list iterator class is not registered');
  return new ApexObject(iteratorClass, { items, next: 0 } satisfies IteratorState);
}

export function registerIterator(program: Program): void {
  iteratorClass = defineBuiltin(program, {
    name: 'CollectionIterator',
    namespace: 'System',
    interfaces: ['System.Iterator'],
    methods: {
      hasNext: (_t, s) => {
        const st = (s as ApexObject).native as IteratorState;
        return st.next < st.items.length;
      },
      next: (_t, s) => {
        const st = (s as ApexObject).native as IteratorState;
        if (st.next >= st.items.length)
          throw new ApexPlatformError('System.NoSuchElementException', 'Iterator has no more elements.');
        return st.items[st.next++] ?? null;
      },
    },
  });
}

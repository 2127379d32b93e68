// A wire adapter tests can emit page references through (CurrentPageReference.emit({...})).
import { createTestWireAdapter } from '@salesforce/wire-service-jest-util';

export const CurrentPageReference = createTestWireAdapter(jest.fn());

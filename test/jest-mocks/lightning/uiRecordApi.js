// Jest stand-in for lightning/uiRecordApi: wire adapters tests can emit through, and jest.fn() notifications.
import { createLdsTestWireAdapter } from '@salesforce/wire-service-jest-util';

export const getRecord = createLdsTestWireAdapter(jest.fn());
export const getRecords = createLdsTestWireAdapter(jest.fn());
export const getFieldValue = jest.fn((record, field) => {
  const name = typeof field === 'string' ? field.split('.').pop() : field.fieldApiName;
  return record && record.fields && record.fields[name] ? record.fields[name].value : undefined;
});
export const notifyRecordUpdateAvailable = jest.fn(() => Promise.resolve());
export const updateRecord = jest.fn(() => Promise.resolve({}));

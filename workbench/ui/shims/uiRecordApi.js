// Workbench stand-in for `lightning/uiRecordApi`: only what the ActionPlane components use. Record pages in the
// workbench re-read from the workbench server, so "a record changed" is announced as a `wb-record-updated` event.
export function notifyRecordUpdateAvailable(recordIds) {
  window.dispatchEvent(new CustomEvent('wb-record-updated', { detail: { recordIds } }));
  return Promise.resolve();
}

export function getFieldValue(record, field) {
  const name = typeof field === 'string' ? field.split('.').pop() : field?.fieldApiName;
  return record?.fields?.[name]?.value;
}

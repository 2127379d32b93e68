// The part of lightning/uiRecordApi ActionPlane uses: telling Lightning Data Service a record changed on the server.
declare module 'lightning/uiRecordApi' {
  export function notifyRecordUpdateAvailable(recordIds: { recordId: string }[]): Promise<unknown>;
}

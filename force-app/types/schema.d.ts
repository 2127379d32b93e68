// @salesforce/schema/*: an object or field reference the platform resolves with the org's namespace prefix, e.g.
// `import EVENT from '@salesforce/schema/ActionStatusChanged__e'` → { objectApiName: 'ActionStatusChanged__e' }.
declare module '@salesforce/schema/*' {
  const reference: { objectApiName: string; fieldApiName?: string };
  export default reference;
}

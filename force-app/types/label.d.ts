// Custom labels: `import title from '@salesforce/label/c.ActionPlane_InboxTitle'` is the label's text.
declare module '@salesforce/label/*' {
  const label: string;
  export default label;
}

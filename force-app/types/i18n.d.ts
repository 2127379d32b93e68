// @salesforce/i18n/*: the current user's locale settings (e.g. locale 'en-US', currency 'USD').
declare module '@salesforce/i18n/*' {
  const setting: string;
  export default setting;
}

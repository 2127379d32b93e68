// Imperative Apex methods. Every `@salesforce/apex/<Class>.<method>` import is a function taking one JSON object of
// named parameters and resolving with the method's JSON result; c/actionPlaneApi gives each one its precise type.
declare module '@salesforce/apex/*' {
  const apexMethod: (params?: object) => Promise<unknown>;
  export default apexMethod;
}

// Public entry of the org schema (see OrgSchema.ts for the API).
export { OrgSchema, type OrgSchemaOptions } from './OrgSchema';
export { attributeKnown, requireKnown, makeField, type FieldSpec } from './fieldFactory';
export { SETUP_OBJECTS, USER_FIELDS_BLOCKING_UPDATE, setupObjectRule, type SetupObjectRule } from './setupObjects';
export { STANDARD_KEY_PREFIXES, CUSTOM_SHARE_KEY_PREFIX, HISTORY_KEY_PREFIX } from './keyPrefixes';
export { standardCatalog, type StandardCatalog, type CatalogObject } from './standard/catalog';
export * from './types';

/** The ActionPlane TypeScript client: typed intake REST v1, OAuth client credentials, decision polling. */
export { ActionPlaneClient, REST_PATH } from './ActionPlaneClient';
export type { ActionPlaneClientOptions, DecisionOutcome, WaitOptions, WaitResult } from './ActionPlaneClient';
export { ClientCredentialsAuth } from './auth';
export type { AccessToken, ClientCredentials } from './auth';
export { clientOptionsFrom, ENV_HELP } from './config';
export type { ConnectionFlags } from './config';
export {
  ActionPlaneApiError,
  ActionPlaneAuthError,
  ActionPlaneConfigError,
  ActionPlaneConnectionError,
  formatFieldError,
} from './errors';
export { describeOutcome, valueList, withApproverGroups, withCreatedRecords } from './outcome';
export * from './types';

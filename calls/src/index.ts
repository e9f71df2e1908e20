// The editor-independent ECI call layer: credentials, endpoint, the CreateContainerGroup call
// through the official SDK (lazily loaded), retries, error explanations, the wording of outcomes and
// display helpers. Used by the VS Code client and by the `eci` CLI; it never imports `vscode`.
//
//   const credential = await resolveCredential({ profile, explicitKey, allowInstanceMetadata });
//   const outcome = await callCreateContainerGroup({ params, sdkMissing, secrets, dryRun, regionId, credential, signal });
//   switch (outcome.type) { case 'created': ... case 'dry-run-passed': ... case 'service-error': ...
//                           case 'network-error': ... case 'cancelled': ... }
export type {
  CallCreateContainerGroupOptions,
  CallTimeouts,
  CredentialOrigin,
  CredentialSource,
  CredentialsNotFound,
  DisplayParam,
  EciCallOutcome,
  ExplicitAccessKey,
  NetworkErrorDetail,
  NetworkErrorKind,
  ResolveCredentialOptions,
  ResolvedCredential,
} from './types';
export {
  callCreateContainerGroup,
  isRetryableServiceError,
  DEFAULT_BACKOFF_BASE_MS,
  DEFAULT_CONNECT_TIMEOUT_MS,
  DEFAULT_CREATE_READ_TIMEOUT_MS,
  DEFAULT_DRY_RUN_READ_TIMEOUT_MS,
  DEFAULT_MAX_ATTEMPTS,
} from './operations/createContainerGroup';
export { resolveCredential } from './credentialChain';
export {
  credentialFromKey,
  credentialFromProvider,
  isCredentialsNotFound,
  maskAccessKeyId,
  secretValuesOf,
  type CredentialsProvider,
} from './credential';
export { chooseClientToken, mayHaveBeenCreated, type ClientTokenChoice } from './clientToken';
export {
  defaultEndpoint,
  endpointFor,
  parseEndpoint,
  ECI_API_VERSION,
  type CallEndpoint,
  type EndpointSetting,
} from './endpoint';
export { maskParams, flattenForDisplay, compareWireKeys, type FlattenForDisplayOptions } from './display';
export { redactSecrets, MASK } from './redaction';
export { keysForParameterPath, keysForParameterPaths } from './parameterPaths';
export {
  describeCredential,
  describeCredentialInUse,
  describeNetworkDetail,
  describeNetworkError,
  describeLocale,
  explainServiceError,
  type DescribeLocale,
} from './describe';
export {
  explainError,
  explanationEntry,
  parameterPathsFromMessage,
  ERROR_EXPLANATIONS,
  type ErrorExplanationEntry,
  type ExplainedError,
  type ExplanationLocale,
} from './errorExplanations';
export {
  lookUpAccountFacts,
  lookupEndpoint,
  noFacts,
  AccountFactsCache,
  VPC_API_VERSION,
  ECS_API_VERSION,
  type AccountLookup,
  type LookupFailure,
  type LookupOptions,
} from './operations/lookups';
export {
  callDescribeContainerGroupPrice,
  describePrice,
  priceParams,
  PRICE_KEYS,
  type PriceEstimate,
  type PriceOutcome,
  type PriceOptions,
  type SpotPriceEstimate,
} from './operations/price';
// After a create (issue 11): describe, status, events, logs, exec, restart, delete, update; following a launch; a live group as a document.
export type {
  ContainerLog,
  ContainerLogRequest,
  DescribeGroupsFilter,
  EciTarget,
  ExecRequest,
  ExecResult,
  LiveContainer,
  LiveContainerGroup,
  LiveContainerState,
  LiveEvent,
  LiveGroupStatus,
  OperationFailure,
  OperationOutcome,
} from './lifecycleTypes';
export {
  deleteContainerGroup,
  describeContainerGroup,
  describeContainerGroupEvents,
  describeContainerGroups,
  describeContainerGroupStatus,
  describeContainerLog,
  execContainerCommand,
  restartContainerGroup,
  updateContainerGroup,
} from './operations/lifecycleOperations';
export {
  callEciOperation,
  groupNotFound,
  GROUP_NOT_FOUND_CODE,
  type EciAction,
  type OperationCall,
} from './operations/operation';
export {
  DEFAULT_FOLLOW_TIMEOUT_MS,
  eventKey,
  followContainerGroup,
  followedGroups,
  isPassingFailure,
  isSuccess,
  newEvents,
  pollDelayMs,
  recognizeFailure,
  recommendedZonesOf,
  type FollowFailure,
  type FollowFailureKind,
  type FollowHandle,
  type FollowListener,
  type FollowOptions,
  type FollowResult,
} from './follow';
export { explainFollowFailure } from './followExplanations';
export {
  flattenRequest,
  groupToDocument,
  groupToRequest,
  groupToWireParams,
  planUpdate,
  registryOf,
  type UpdateChange,
  type UpdatePlan,
} from './groupDocument';
export { createLogFollower, LOG_FOLLOW_POLL_MS, type LogFollower } from './logFollow';
export { sleep } from './transport';

// The editor-independent ECI call layer: credentials, endpoint, the CreateContainerGroup call
// through the official SDK (lazily loaded), retries, error explanations and display helpers.
// Used by the VS Code client and by the `eci` CLI; it never imports `vscode`.
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
} from './call';
export { resolveCredential, credentialFromKey, credentialFromProvider, isCredentialsNotFound, maskAccessKeyId, secretValuesOf, type CredentialsProvider } from './credentials';
export { defaultEndpoint, parseEndpoint, ECI_API_VERSION, type EndpointSetting } from './endpoint';
export { maskParams, flattenForDisplay, compareWireKeys, redactSecrets, MASK, type FlattenForDisplayOptions } from './display';
export { describeCredential, describeNetworkDetail, describeNetworkError, describeLocale, type DescribeLocale } from './describe';
export { parameterPathsFromMessage } from './errorExplanations';
export { explainError, explanationEntry, ERROR_EXPLANATIONS, type ErrorExplanationEntry, type ExplainedError, type ExplanationLocale } from './errorExplanations';

// The Alibaba Cloud SDK packages the call layer loads, bundled on their own (dist/alicloud.js) so that
// loading the extension or the CLI does not parse them: the bundles of the extension and the CLI
// resolve each `@alicloud/*` package to this file's export of the same name, loaded on first use.
// One bundle for all six keeps them one instance each (the call layer wraps a function of tea-typescript
// that the SDK calls).

export const packages: Record<string, unknown> = {
  '@alicloud/eci20180808': require('@alicloud/eci20180808'),
  '@alicloud/openapi-client': require('@alicloud/openapi-client'),
  '@alicloud/tea-util': require('@alicloud/tea-util'),
  '@alicloud/credentials': require('@alicloud/credentials'),
  '@alicloud/openapi-util': require('@alicloud/openapi-util'),
  '@alicloud/tea-typescript': require('@alicloud/tea-typescript'),
};

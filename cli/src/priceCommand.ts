// `eci price FILE [--json]`: the estimated price per hour of the group a document describes
// (DescribeContainerGroupPrice; its per-second Price converted, its per-hour spot prices as they come).
// A document with errors gets no price (exit 1), and says why.
import {
  callDescribeContainerGroupPrice,
  describeCredentialInUse,
  describeNetworkError,
  describePrice,
  endpointFor,
  explainServiceError,
  parseEndpoint,
} from '../../calls/src/index';
import { createLanguageService } from '../../server/src/service/index';
import { complain, printDiagnosticsToStderr, readDocument, type CliContext } from './context';
import { credentialOrExit } from './credentialOrExit';
import { EXIT } from './exitCodes';

export interface PriceCommandOptions {
  region?: string;
  profile?: string;
  endpoint?: string;
  json: boolean;
}

export async function runPrice(ctx: CliContext, file: string, o: PriceCommandOptions): Promise<number> {
  const override = o.endpoint === undefined ? undefined : parseEndpoint(o.endpoint);
  if (o.endpoint !== undefined && !override) {
    complain(ctx, ctx.msg.badEndpoint(o.endpoint, 'expected host[:port] with an optional http:// or https:// scheme'));
    return EXIT.usage;
  }
  const read = readDocument(ctx, file);
  if (!read.ok) {
    complain(ctx, read.message);
    return EXIT.usage;
  }
  const service = createLanguageService({ locale: ctx.locale });
  const built = service.wireRequest(read.text);
  if (!built.ok) {
    printDiagnosticsToStderr(ctx, read.displayPath, built.errors);
    complain(ctx, ctx.msg.noPriceWithErrors(read.displayPath, built.errors.length));
    if (o.json)
      ctx.stdout.write(
        JSON.stringify(
          { command: 'price', outcome: 'invalid', file: read.displayPath, errors: built.errors.length },
          null,
          2,
        ) + '\n',
      );
    return EXIT.invalid;
  }
  const regionId = built.params.RegionId ?? '';
  if (o.region !== undefined && o.region !== regionId) {
    complain(ctx, ctx.msg.regionMismatch(regionId, o.region));
    return EXIT.usage;
  }
  let endpoint;
  try {
    endpoint = endpointFor(regionId, override);
  } catch (err) {
    complain(ctx, `${read.displayPath}: ${(err as Error).message}`);
    return EXIT.usage;
  }
  const credential = await credentialOrExit(ctx, { profile: o.profile });
  if (typeof credential === 'number') return credential;
  if (!o.json)
    ctx.stderr.write(
      ctx.err.dim(
        `${ctx.msg.credentialSource(describeCredentialInUse(credential, ctx.locale))}\n${ctx.msg.endpointUsed(endpoint.text)}\n`,
      ),
    );
  const outcome = await callDescribeContainerGroupPrice({
    params: built.params,
    sdkMissing: built.sdkMissing,
    regionId,
    credential,
    endpoint: endpoint.host,
    protocol: endpoint.protocol,
  });
  switch (outcome.type) {
    case 'price':
      if (o.json) {
        ctx.stdout.write(
          JSON.stringify(
            {
              command: 'price',
              outcome: 'price',
              file: read.displayPath,
              RegionId: regionId,
              pricePerHour: outcome.perHour,
              originalPricePerHour: outcome.originalPerHour,
              currency: outcome.currency,
              pricePerSecond: outcome.perSecond,
              converted:
                'PriceInfo.Price.TradePrice is per second: pricePerHour = pricePerSecond x 3600; spot prices are per hour as answered',
              ...(outcome.spot.length
                ? {
                    spot: outcome.spot.map((s) => ({
                      ZoneId: s.zoneId,
                      InstanceType: s.instanceType,
                      spotPricePerHour: s.spotPerHour,
                      originPricePerHour: s.originPerHour,
                    })),
                  }
                : {}),
              sizeFrom: outcome.sizeFrom,
              sent: outcome.sent,
              askedAt: outcome.askedAt,
              RequestId: outcome.requestId,
            },
            null,
            2,
          ) + '\n',
        );
      } else ctx.stdout.write(describePrice(outcome, ctx.locale).join('\n') + '\n');
      return EXIT.ok;
    case 'service-error': {
      const e = explainServiceError(outcome, ctx.locale);
      complain(ctx, `${outcome.code}: ${outcome.message}\n${e.explanation}${e.action ? `\n${e.action}` : ''}`);
      if (o.json)
        ctx.stdout.write(
          JSON.stringify(
            {
              command: 'price',
              outcome: 'service-error',
              Code: outcome.code,
              Message: outcome.message,
              RequestId: outcome.requestId,
            },
            null,
            2,
          ) + '\n',
        );
      return EXIT.service;
    }
    case 'network-error':
      complain(ctx, describeNetworkError(outcome, ctx.locale));
      if (o.json)
        ctx.stdout.write(
          JSON.stringify({ command: 'price', outcome: 'network-error', kind: outcome.kind }, null, 2) + '\n',
        );
      return EXIT.network;
    case 'cancelled':
      return EXIT.cancelled;
  }
}

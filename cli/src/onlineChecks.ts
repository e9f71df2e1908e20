// `eci validate --online`: the account facts of each region the documents name, looked up once per
// region (a failure skips that region's account checks and says so on stderr). Without --online
// nothing is loaded or sent.
import { AccountFactsCache, describeCredentialInUse, noFacts, parseEndpoint } from '../../calls/src/index';
import type { AccountFacts } from '../../server/src/service/index';
import { createLanguageService, documentRegionId } from '../../server/src/service/index';
import { complain, readDocument, type CliContext } from './context';
import { credentialOrExit } from './credentialOrExit';
import { EXIT } from './exitCodes';
import { expandArguments } from './files';

export interface OnlineOptions {
  region?: string;
  profile?: string;
  endpoint?: string;
}

/** The facts for the regions of the documents `args` names, or an exit code (bad endpoint, no credentials). */
export async function lookUpForDocuments(
  ctx: CliContext,
  args: string[],
  o: OnlineOptions,
): Promise<AccountFacts[] | number> {
  const override = o.endpoint === undefined ? undefined : parseEndpoint(o.endpoint);
  if (o.endpoint !== undefined && !override) {
    complain(ctx, ctx.msg.badEndpoint(o.endpoint, 'expected host[:port] with an optional http:// or https:// scheme'));
    return EXIT.usage;
  }
  const regions = new Set<string>();
  if (o.region) regions.add(o.region);
  else {
    const service = createLanguageService({ locale: ctx.locale });
    for (const file of expandArguments(args.length ? args : ['.'], ctx.cwd).files) {
      const read = readDocument(ctx, file);
      const region = read.ok ? documentRegionId(service.parse(read.text)) : undefined;
      if (region) regions.add(region);
    }
  }
  if (!regions.size) return [];
  const credential = await credentialOrExit(ctx, { profile: o.profile });
  if (typeof credential === 'number') return credential;
  ctx.stderr.write(ctx.err.dim(`${ctx.msg.credentialSource(describeCredentialInUse(credential, ctx.locale))}\n`));
  const cache = new AccountFactsCache();
  const out: AccountFacts[] = [];
  for (const regionId of [...regions].sort()) {
    const lookup = await cache.get({ credential, regionId, endpoint: override?.host, protocol: override?.protocol });
    const reasons = lookup.failures.map((f) => `${f.action}: ${f.code}`).join(', ');
    if (noFacts(lookup)) {
      complain(ctx, ctx.msg.lookupFailed(regionId, reasons));
      continue;
    }
    if (lookup.failures.length) complain(ctx, ctx.msg.lookupPartial(regionId, reasons));
    ctx.stderr.write(
      ctx.err.dim(`${ctx.msg.lookedUp(regionId, `${lookup.facts.lookedUpAt.slice(0, 16).replace('T', ' ')} UTC`)}\n`),
    );
    out.push(lookup.facts);
  }
  return out;
}

import { z } from 'zod';

/** The parts of an upstream's OpenAPI document the gateway merges; the rest is ignored. */
const upstreamDocument = z.object({
  info: z.object({ title: z.string().optional() }).loose().optional(),
  paths: z.record(z.string(), z.unknown()).default({}),
  components: z
    .object({ schemas: z.record(z.string(), z.unknown()).optional() })
    .loose()
    .optional(),
  tags: z.array(z.object({ name: z.string() }).loose()).optional(),
});
type UpstreamDocument = z.output<typeof upstreamDocument>;

export interface DocumentSource {
  readonly name: string;
  readonly url: string;
}

type Fetched = { readonly name: string } & ({ readonly doc: UpstreamDocument } | { readonly error: string });

interface OwnDocument {
  info?: { description?: string };
  paths?: Record<string, unknown>;
  components?: { schemas?: Record<string, unknown> };
  tags?: { name: string }[];
}

/**
 * One OpenAPI document for the whole API: the gateway's own (auth) plus each
 * upstream's /docs/json, fetched with a timeout and kept for `cacheMs`. An upstream
 * that does not answer is left out and named in the description.
 */
export function createOpenApiAggregator(options: {
  readonly sources: readonly DocumentSource[];
  readonly cacheMs: number;
  readonly timeoutMs: number;
  readonly now?: () => number;
}) {
  const now = options.now ?? Date.now;
  let cached: { at: number; fetched: readonly Fetched[] } | undefined;
  let inFlight: Promise<void> | undefined;

  async function fetchOne(source: DocumentSource): Promise<Fetched> {
    try {
      const response = await fetch(`${source.url}/docs/json`, {
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      if (!response.ok) return { name: source.name, error: `answered ${response.status}` };
      const parsed = upstreamDocument.safeParse(await response.json());
      return parsed.success
        ? { name: source.name, doc: parsed.data }
        : { name: source.name, error: 'not an OpenAPI document' };
    } catch (error) {
      return { name: source.name, error: error instanceof Error ? error.message : String(error) };
    }
  }

  return {
    /** Fetches the upstream documents when the cached ones are older than `cacheMs`. */
    async refresh(): Promise<void> {
      if (cached && now() - cached.at < options.cacheMs) return;
      inFlight ??= Promise.all(options.sources.map(fetchOne))
        .then((fetched) => {
          cached = { at: now(), fetched };
        })
        .finally(() => {
          inFlight = undefined;
        });
      await inFlight;
    },

    /** The gateway's document with the upstreams' paths, schemas and tags added. */
    merge<D extends OwnDocument>(own: D): D {
      const paths: Record<string, unknown> = { ...own.paths };
      const schemas: Record<string, unknown> = { ...own.components?.schemas };
      const tags = [...(own.tags ?? [])];
      const missing: string[] = [];
      for (const entry of cached?.fetched ?? []) {
        if ('error' in entry) {
          missing.push(`${entry.name} (${entry.error})`);
          continue;
        }
        Object.assign(paths, entry.doc.paths);
        // A schema both sides define (Problem) is the same contract; the first one stays.
        for (const [name, schema] of Object.entries(entry.doc.components?.schemas ?? {}))
          schemas[name] ??= schema;
        for (const tag of entry.doc.tags ?? []) if (!tags.some((t) => t.name === tag.name)) tags.push(tag);
      }
      const note =
        missing.length > 0 ? `\n\nNot available right now, so not included: ${missing.join(', ')}.` : '';
      return {
        ...own,
        info: { ...own.info, description: `${own.info?.description ?? ''}${note}` },
        paths,
        components: { ...own.components, schemas },
        tags,
      };
    },
  };
}

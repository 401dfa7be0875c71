// Which optional endpoints this backend has, read from its OpenAPI document
// (/v3/api-docs), so the UI does not have to probe them (and log 404s).
// When the document cannot be read, every feature is "unknown" (null) and the
// UI probes the endpoint itself, treating 404/405/501 as "not there".

export type Feature = 'parse' | 'occurrences' | 'chat' | 'conversations' | 'stream' | 'notifications';

export type Capabilities = Record<Feature, boolean>;

const FEATURE_ENDPOINTS: Record<Feature, [method: string, path: string]> = {
  parse: ['post', '/api/{}/tasks/parse'],
  occurrences: ['get', '/api/{}/tasks/{}/occurrences'],
  chat: ['post', '/api/{}/chat'],
  conversations: ['get', '/api/{}/conversations'],
  stream: ['post', '/api/{}/stream/ticket'],
  notifications: ['get', '/api/{}/notifications'],
};

const normalise = (path: string) => path.replace(/\{[^}]*\}/g, '{}').replace(/\/+$/, '');

/** Capabilities from an OpenAPI 3 document, or null when it does not look like one. */
export function capabilitiesFromOpenApi(doc: unknown): Capabilities | null {
  if (!doc || typeof doc !== 'object') return null;
  const paths = (doc as { paths?: unknown }).paths;
  if (!paths || typeof paths !== 'object') return null;
  const index = new Map<string, Set<string>>();
  for (const [path, item] of Object.entries(paths as Record<string, unknown>)) {
    const methods = new Set(Object.keys((item as object) ?? {}).map((m) => m.toLowerCase()));
    index.set(normalise(path), methods);
  }
  const caps = {} as Capabilities;
  for (const [feature, [method, path]] of Object.entries(FEATURE_ENDPOINTS) as [Feature, [string, string]][]) {
    caps[feature] = index.get(normalise(path))?.has(method) ?? false;
  }
  return caps;
}

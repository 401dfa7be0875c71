// Generates src/api/schema.d.ts from the backend's committed OpenAPI document
// (app/src/test/resources/openapi.json, kept equal to /v3/api-docs by OpenApiSnapshotIT).
// Runs before every type-check and build, so the generated types cannot be stale;
// src/api/types.ts derives the app's API types from them.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const input = path.resolve(webDir, process.env.OPENAPI_SPEC ?? '../app/src/test/resources/openapi.json');
const output = path.resolve(webDir, 'src/api/schema.d.ts');

if (!existsSync(input)) {
  console.error(`gen:api: ${path.relative(webDir, input)} not found (set OPENAPI_SPEC to another OpenAPI document).`);
  process.exit(1);
}

const cli = path.resolve(webDir, 'node_modules/openapi-typescript/bin/cli.js');
const result = spawnSync(process.execPath, [cli, input, '--output', output], { stdio: 'inherit' });
if (result.status !== 0) {
  console.error('gen:api: openapi-typescript failed');
  process.exit(result.status ?? 1);
}
console.log(`gen:api: wrote ${path.relative(webDir, output)}`);

// Generates src/api/schema.d.ts from the backend's committed OpenAPI document.
// The document is optional: when it is absent this script says so and exits 0,
// so `npm run build` keeps working before the backend publishes it.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const input = path.resolve(webDir, process.env.OPENAPI_SPEC ?? '../app/src/test/resources/openapi.json');
const output = path.resolve(webDir, 'src/api/schema.d.ts');

if (!existsSync(input)) {
  console.log(`gen:api: ${path.relative(webDir, input)} not found, skipping (hand-written types in src/api/types.ts are used).`);
  process.exit(0);
}

const cli = path.resolve(webDir, 'node_modules/openapi-typescript/bin/cli.js');
const result = spawnSync(process.execPath, [cli, input, '--output', output], { stdio: 'inherit' });
if (result.status !== 0) {
  console.error('gen:api: openapi-typescript failed');
  process.exit(result.status ?? 1);
}
console.log(`gen:api: wrote ${path.relative(webDir, output)}`);

// Installs the web app's dependencies with `npm ci` only when package-lock.json changed since the last
// install, so repeated Maven builds stay fast and a fresh clone still gets an exact install.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { execSync } from 'node:child_process';

const lock = readFileSync('package-lock.json');
const hash = createHash('sha256').update(lock).digest('hex');
const marker = 'node_modules/.taskstream-lock-sha256';

if (existsSync(marker) && readFileSync(marker, 'utf8') === hash) {
  console.log('web dependencies up to date');
} else {
  execSync('npm ci --no-audit --no-fund --prefer-offline', { stdio: 'inherit' });
  writeFileSync(marker, hash);
}

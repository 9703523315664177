// Generates the console's API types from the OpenAPI documents the services' builds write
// (micronaut-openapi, at compile time): no hand-written copy of a request or response type.
import { readdirSync, existsSync, mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import YAML from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'api', 'generated');
const services = ['intake', 'tenants', 'assessment', 'documents', 'reporting'];
mkdirSync(out, { recursive: true });
for (const service of services) {
  const dir = join(root, 'services', service, 'target', 'classes', 'META-INF', 'swagger');
  const file = existsSync(dir) && readdirSync(dir).find((f) => f.endsWith('.yml'));
  if (!file) {
    console.error(`no OpenAPI document for ${service} in ${dir}: build the services first (./mvnw -pl services/${service} compile)`);
    process.exit(1);
  }
  const document = YAML.parse(readFileSync(join(dir, file), 'utf8'));
  const ast = await openapiTS(document);
  writeFileSync(join(out, `${service}.ts`), `// generated from ${file} by scripts/generate-api.mjs: do not edit\n` + astToString(ast));
  console.log(`api types: ${service} <- ${file}`);
}

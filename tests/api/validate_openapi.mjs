// Validates the served OpenAPI document with a standard validator (swagger-parser: the OpenAPI
// 3.0 JSON Schema plus reference resolution). Usage: node validate_openapi.mjs path/to/jalon
import SwaggerParser from '@apidevtools/swagger-parser';
import { startServer } from '../e2e/server.mjs';

const server = await startServer(process.argv[2] ?? 'build/release/jalon');
let failed = 0;
try {
  const res = await fetch(server.url + '/api/v1/openapi.json');
  const doc = await res.json();
  await SwaggerParser.validate(structuredClone(doc));
  const ops = Object.values(doc.paths).reduce((n, p) => n + Object.keys(p).length, 0);
  console.log(`OpenAPI ${doc.openapi}: ${Object.keys(doc.paths).length} paths, ${ops} operations, valid`);
} catch (e) {
  failed = 1;
  console.error('OpenAPI document invalid:', e.message);
} finally {
  await server.stop();
}
console.log(`openapi: ${1 - failed} passed, ${failed} failed`);
process.exit(failed);

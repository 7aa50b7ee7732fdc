/**
 * `npm run api-schema`: writes web/src/api/schema.d.ts, the types of every API operation, from
 * the server's OpenAPI document. Run it after changing a route's schema and commit the file.
 */
import { writeFileSync } from 'node:fs';
import { API_SCHEMA_FILE, apiSchemaText } from '../test/api-schema.js';

writeFileSync(API_SCHEMA_FILE, await apiSchemaText());
console.log(`wrote ${API_SCHEMA_FILE}`);

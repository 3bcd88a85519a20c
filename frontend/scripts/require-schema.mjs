// The type check is generated from the repository's schema.graphql: without it there is nothing to check against.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const schema = fileURLToPath(new URL('../../schema.graphql', import.meta.url));
if (!existsSync(schema)) {
  console.error(`typecheck: ${schema} is missing. Export it from the backend (strawberry export-schema) first.`);
  process.exit(1);
}

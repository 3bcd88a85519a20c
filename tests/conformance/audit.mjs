// The GraphQL over HTTP audits of graphql-http against one server: node audit.mjs http://127.0.0.1:8000/graphql
// Prints one JSON line per audit: {"id", "name", "status": "ok" | "warn" | "error", "reason"}.
import { serverAudits } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node audit.mjs <graphql endpoint URL>');
  process.exit(2);
}
for (const audit of serverAudits({ url })) {
  const result = await audit.fn();
  console.log(JSON.stringify({ id: result.id, name: result.name, status: result.status, reason: result.reason ?? null }));
}

// Writes src/api/limits.json from openapi.json: every maxLength of the contract's schemas, so
// the forms check and count against the server's own limits (ReportValidator, ChatService...).
import { readFileSync, writeFileSync } from 'node:fs';

const { components } = JSON.parse(readFileSync('openapi.json', 'utf8'));
const limits = {};
for (const [name, schema] of Object.entries(components.schemas)) {
  for (const [field, property] of Object.entries(schema.properties ?? {})) {
    if (property.maxLength !== undefined) (limits[name] ??= {})[field] = property.maxLength;
  }
}
writeFileSync('src/api/limits.json', JSON.stringify(limits, null, 2) + '\n');

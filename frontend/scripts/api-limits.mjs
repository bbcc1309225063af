// Writes src/api/limits.json from openapi.json: every maxLength of the contract's schemas, so
// the forms check and count against the server's own limits (ReportValidator, ChatService...).
// And src/api/labels.json: the words for the values the server names (x-labels, app/web/EnumLabels).
import { readFileSync, writeFileSync } from 'node:fs';

const document = JSON.parse(readFileSync('openapi.json', 'utf8'));
const limits = {};
for (const [name, schema] of Object.entries(document.components.schemas)) {
  for (const [field, property] of Object.entries(schema.properties ?? {})) {
    if (property.maxLength !== undefined) (limits[name] ??= {})[field] = property.maxLength;
  }
}
writeFileSync('src/api/limits.json', JSON.stringify(limits, null, 2) + '\n');
writeFileSync('src/api/labels.json', JSON.stringify(document['x-labels'] ?? {}, null, 2) + '\n');

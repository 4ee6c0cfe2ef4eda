// Parses and validates an AsyncAPI document with the official parser, Avro payloads with its Avro schema parser.
// The parser runs custom-format validation only for AsyncAPI 2 documents, so each Avro payload of this
// AsyncAPI 3 document is also given to the Avro schema parser's own validate (avsc) here.
// Usage: node validate.js <file>. Prints JSON: every diagnostic, and per channel its address and each message's
// payload format and top-level properties, so AsyncApiDocumentIT can check what the parser understood.
'use strict';
const fs = require('fs');
const { Parser, DiagnosticSeverity } = require('@asyncapi/parser');
const { AvroSchemaParser } = require('@asyncapi/avro-schema-parser');

const avro = AvroSchemaParser();

async function main() {
  const file = process.argv[2];
  const parser = new Parser();
  parser.registerSchemaParser(avro);
  const { document, diagnostics } = await parser.parse(fs.readFileSync(file, 'utf8'), { source: file });
  const severities = Object.fromEntries(Object.entries(DiagnosticSeverity).map(([name, value]) => [value, name]));
  const result = {
    diagnostics: diagnostics.map((d) => ({
      severity: severities[d.severity], code: d.code, message: d.message, path: d.path.join('.'),
    })),
    avroValidated: [],
    channels: [],
  };
  if (document) {
    for (const message of document.components().messages().all()) {
      const payload = message.payload()?.json() ?? {};
      if (avro.getMimeTypes().includes(payload.schemaFormat)) {
        result.avroValidated.push(message.id());
        for (const error of await avro.validate({ data: payload['x-parser-original-payload'] })) {
          result.diagnostics.push({
            severity: 'Error', code: 'avro-schema', message: error.message, path: `components.messages.${message.id()}.payload`,
          });
        }
      }
    }
    for (const channel of document.channels()) {
      result.channels.push({
        address: channel.address(),
        messages: channel.messages().all().map((m) => ({
          name: m.name(),
          schemaFormat: m.schemaFormat(),
          properties: Object.keys(m.payload()?.properties() ?? {}),
          keyType: m.bindings().get('kafka')?.value()?.key?.type ?? null,
        })),
      });
    }
  }
  process.stdout.write(JSON.stringify(result, null, 2) + '\n');
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : e);
  process.exit(1);
});

#!/usr/bin/env node
// Independent Confluent-wire-format implementation for ConfluentWireFormatInteropIT: it uses
// @kafkajs/confluent-schema-registry (avsc underneath), not Newsflow's code.
//
//   node interop.js decode <registryUrl> <hexFile>
//       reads one record (hex of the wire-format bytes), prints the decoded value as one JSON line
//   node interop.js encode <registryUrl> <subject> <schemaJsonFile> <payloadJsonFile>
//       registers the schema under the subject, encodes the payload, prints {"id":N,"hex":"..."}
//
// Longs (timestamp-millis) are plain JSON numbers: avsc decodes Avro long to a JS number and
// throws rather than lose precision, which is fine for epoch milliseconds.
'use strict';

const fs = require('fs');
const { SchemaRegistry, SchemaType } = require('@kafkajs/confluent-schema-registry');

function registry(url) {
  return new SchemaRegistry({ host: url, retry: { retries: 0 } });
}

function readText(file) {
  return fs.readFileSync(file, 'utf8').trim();
}

async function decode(url, hexFile) {
  const bytes = Buffer.from(readText(hexFile), 'hex');
  const value = await registry(url).decode(bytes);
  process.stdout.write(JSON.stringify(value) + '\n');
}

async function encode(url, subject, schemaFile, payloadFile) {
  const reg = registry(url);
  const { id } = await reg.register({ type: SchemaType.AVRO, schema: readText(schemaFile) }, { subject });
  const payload = JSON.parse(readText(payloadFile));
  const bytes = await reg.encode(id, payload);
  process.stdout.write(JSON.stringify({ id, hex: bytes.toString('hex') }) + '\n');
}

async function main(argv) {
  const [command, ...args] = argv;
  if (command === 'decode' && args.length === 2) {
    return decode(...args);
  }
  if (command === 'encode' && args.length === 4) {
    return encode(...args);
  }
  throw new Error('usage: interop.js decode <registryUrl> <hexFile> | '
      + 'encode <registryUrl> <subject> <schemaJsonFile> <payloadJsonFile>');
}

main(process.argv.slice(2)).catch((err) => {
  process.stderr.write(`interop.js failed: ${err && err.stack ? err.stack : err}\n`);
  process.exit(1);
});

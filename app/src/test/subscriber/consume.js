#!/usr/bin/env node
// A stock Node.js subscriber for SubscriberInteropIT: KafkaJS with no codec plugin and
// @kafkajs/confluent-schema-registry with default options, as a new subscriber would start.
//
//   node consume.js <bootstrapServers> <registryUrl> <expectedJson>
//
// expectedJson maps each topic to the number of records a read_committed Java consumer read there.
// Reads every topic from the beginning until it has that many, decoding each non-null value, and prints
// one JSON line: per topic {messages, decoded, nulls, failures, errors (first few), sample (first decoded
// value with its key)}. A consumer crash (e.g. an unsupported codec) is reported as {crash} with exit 1.
'use strict';

const { Kafka, logLevel } = require('kafkajs');
const { SchemaRegistry } = require('@kafkajs/confluent-schema-registry');

const TIMEOUT_MS = 90000;

async function main([brokers, registryUrl, expectedJson]) {
  if (!expectedJson) {
    throw new Error('usage: consume.js <bootstrapServers> <registryUrl> <expectedJson>');
  }
  const started = Date.now();
  const expected = JSON.parse(expectedJson);
  const topics = Object.keys(expected);
  const registry = new SchemaRegistry({ host: registryUrl });
  // KafkaJS logs to the console; stdout carries only the result line.
  const logCreator = () => ({ namespace, log }) => process.stderr.write(`${namespace}: ${JSON.stringify(log)}\n`);
  const kafka = new Kafka({
    clientId: 'subscriber-interop', brokers: brokers.split(','), logLevel: logLevel.ERROR, logCreator,
  });
  const consumer = kafka.consumer({ groupId: `subscriber-interop-${process.pid}-${Date.now()}` });
  const result = {};
  topics.forEach((t) => { result[t] = { messages: 0, decoded: 0, nulls: 0, failures: 0, errors: [], sample: null }; });

  let finish;
  const finished = new Promise((resolve) => { finish = resolve; });
  const complete = () => topics.every((t) => result[t].messages >= expected[t]);
  const timer = setTimeout(() => finish({ timeout: true }), TIMEOUT_MS);
  // KafkaJS restarts a crashed consumer by default; a crash here (KafkaJSNotImplemented for a codec) is the finding.
  consumer.on(consumer.events.CRASH, (e) => finish({ crash: String(e.payload.error) }));

  await consumer.connect();
  for (const topic of topics) {
    await consumer.subscribe({ topic, fromBeginning: true });
  }
  if (complete()) {
    finish({});
  }
  await consumer.run({
    eachMessage: async ({ topic, message }) => {
      const r = result[topic];
      r.messages += 1;
      if (message.value === null) {
        r.nulls += 1;
      } else {
        try {
          const value = await registry.decode(message.value);
          r.decoded += 1;
          if (r.sample === null) {
            r.sample = { key: message.key === null ? null : message.key.toString('utf8'), value };
          }
        } catch (e) {
          r.failures += 1;
          if (r.errors.length < 5) {
            r.errors.push(String(e && e.message ? e.message : e));
          }
        }
      }
      if (complete()) {
        finish({});
      }
    },
  });

  const outcome = await finished;
  clearTimeout(timer);
  await consumer.disconnect().catch(() => {});
  const elapsedMs = Date.now() - started;
  process.stdout.write(JSON.stringify({ ...outcome, elapsedMs, topics: result }) + '\n');
  return outcome.crash || outcome.timeout ? 1 : 0;
}

main(process.argv.slice(2)).then((code) => process.exit(code)).catch((err) => {
  process.stderr.write(`consume.js failed: ${err && err.stack ? err.stack : err}\n`);
  process.exit(1);
});

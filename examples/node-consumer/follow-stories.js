// Follows Newsflow's stories: reads news.stories.events with KafkaJS and decodes the Avro values with
// @kafkajs/confluent-schema-registry, both with default settings. Prints a line when a story starts, when its
// headline or article count changes, when it absorbs another story and when it closes. Semantics: docs/subscribing.md.
//
//   npm ci
//   node follow-stories.js --bootstrap-servers 127.0.0.1:9092 --schema-registry-url http://127.0.0.1:8081 \
//       [--topic news.stories.events] [--group story-follower-node] [--exit-after-idle-ms 10000]
'use strict';
const { Kafka, logLevel } = require('kafkajs');
const { SchemaRegistry } = require('@kafkajs/confluent-schema-registry');

function options(argv) {
  const result = {
    'bootstrap-servers': '127.0.0.1:9092',
    'schema-registry-url': 'http://127.0.0.1:8081',
    topic: 'news.stories.events',
    group: 'story-follower-node',
    'exit-after-idle-ms': null,
  };
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i].replace(/^--/, '');
    if (!argv[i].startsWith('--') || !(name in result) || i + 1 >= argv.length) {
      throw new Error(`usage: follow-stories.js [--${Object.keys(result).join(' VALUE] [--')} VALUE]`);
    }
    result[name] = argv[i + 1];
  }
  return result;
}

async function main() {
  const opts = options(process.argv.slice(2));
  const kafka = new Kafka({
    clientId: 'newsflow-node-consumer',
    brokers: opts['bootstrap-servers'].split(','),
    logLevel: logLevel.WARN,
  });
  const registry = new SchemaRegistry({ host: opts['schema-registry-url'] });
  // KafkaJS reads committed records only by default (readUncommitted: false): the pipeline writes in transactions.
  const consumer = kafka.consumer({ groupId: opts.group });
  const stories = new Map(); // storyId -> { headline, articleCount, sequence }
  let lastMessageAt = Date.now();

  consumer.on(consumer.events.GROUP_JOIN, () => { lastMessageAt = Date.now(); });
  // KafkaJS restarts a crashed consumer by default; an example should say what broke and stop instead.
  consumer.on(consumer.events.CRASH, ({ payload }) => {
    console.error(`consumer crashed: ${payload.error && payload.error.stack ? payload.error.stack : payload.error}`);
    process.exit(1);
  });
  await consumer.connect();
  await consumer.subscribe({ topic: opts.topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      lastMessageAt = Date.now();
      if (message.value === null) {
        return; // no tombstones on this topic today; a subscriber skips them anyway
      }
      let event;
      try {
        event = await registry.decode(message.value);
      } catch (e) {
        // A record this consumer cannot read stops it rather than being skipped unnoticed.
        console.error(`cannot decode ${opts.topic} offset ${message.offset}: ${e.message}`);
        process.exit(1);
      }
      const storyId = message.key.toString('utf8'); // keys are plain UTF-8 story ids
      const seen = stories.get(storyId);
      if (seen && event.sequence <= seen.sequence) {
        return; // already seen: versions run 1, 2, 3... per story
      }
      if (event.sequence !== (seen ? seen.sequence + 1 : 1)) {
        console.error(`${storyId}: events before version ${event.sequence} not seen`);
      }
      const story = seen || { headline: null, articleCount: 0 };
      if (event.headline !== story.headline) {
        console.log(`${storyId} headline "${event.headline}"`);
      }
      if (event.articleCount !== story.articleCount) {
        console.log(`${storyId} articles ${event.articleCount}`);
      }
      if (event.type === 'STORIES_MERGED') {
        console.log(`${storyId} absorbed ${event.mergedStoryIds.join(',')}`);
      } else if (event.type === 'STORY_CLOSED') {
        const into = event.mergedStoryIds[0];
        console.log(into ? `${storyId} merged into ${into}` : `${storyId} closed`);
      }
      stories.set(storyId, { headline: event.headline, articleCount: event.articleCount, sequence: event.sequence });
    },
  });

  const stop = async (code) => {
    await consumer.disconnect();
    process.exit(code);
  };
  process.on('SIGINT', () => stop(0));
  process.on('SIGTERM', () => stop(0));
  if (opts['exit-after-idle-ms'] !== null) {
    const idle = Number(opts['exit-after-idle-ms']);
    setInterval(() => {
      if (Date.now() - lastMessageAt >= idle) {
        console.error(`no event for ${idle} ms: ${stories.size} stories followed`);
        stop(0);
      }
    }, 250);
  }
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : e);
  process.exit(1);
});

// Shortcut commands and the other profile extras: what a bot lists, and `/v3/chat` strict about
// `shortcut_command` (ids, parameter names, the object_string encoding, required parameters).
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {call, chatBody, parseEvents, startEmulator} from './helpers.mjs';

const BOT = '7400000000000000001-shortcuts-background';
const text = (value) => JSON.stringify([{type: 'text', text: value}]);

describe('emulator shortcut commands', () => {
  let server;
  before(async () => {
    server = await startEmulator();
  });
  after(() => server.close());

  const chat = (token, body) =>
    fetch(`${server.base}/v3/chat`, call(token, {...chatBody('q'), bot_id: BOT, ...body}));

  it('lists commands, backgrounds and the input type only for the bots that have them', async () => {
    const plain = await (
      await fetch(`${server.base}/v1/bots/7400000000000000001`, call('t'))
    ).json();
    assert.deepEqual(plain.data.shortcut_commands, []);
    assert.equal(plain.data.background_image_info, undefined);
    assert.equal(plain.data.default_user_input_type, 'text');
    const rich = await (await fetch(`${server.base}/v1/bots/${BOT}`, call('t'))).json();
    const names = rich.data.shortcut_commands.map((c) => c.command);
    assert.deepEqual(names, ['/weather', '/translate', '/summarise']);
    assert.match(
      rich.data.background_image_info.web_background_image.image_url,
      /background-web\.svg$/
    );
    // Coze's BackgroundImageDetail, field for field.
    assert.deepEqual(Object.keys(rich.data.background_image_info.web_background_image).sort(), [
      'canvas_position',
      'gradient_position',
      'image_uri',
      'image_url',
      'origin_image_uri',
      'origin_image_url',
      'theme_color',
    ]);
    const image = await fetch(rich.data.background_image_info.mobile_background_image.image_url);
    assert.equal(image.headers.get('content-type'), 'image/svg+xml');
    const voice = await (await fetch(`${server.base}/v1/bots/1-voice-first`, call('t'))).json();
    assert.equal(voice.data.default_user_input_type, 'voice');
  });

  it('answers a command according to its parameters, defaults included', async () => {
    const response = await chat('t1', {
      shortcut_command: {
        command_id: '7450000000000000102',
        parameters: {text: text('good morning')},
      },
    });
    const events = parseEvents(await response.text());
    const done = events.find(
      (e) => e.event === 'conversation.message.completed' && e.data.type === 'answer'
    );
    assert.equal(
      done.data.content,
      'Shortcut /translate ran with text = “good morning”, language = “French”, tone = “plain”.'
    );
  });

  for (const [label, shortcut, reason] of [
    ['an unknown command', {command_id: '1'}, /not a shortcut command of this bot/],
    ['no command id', {parameters: {}}, /command_id is required/],
    [
      'an unknown parameter',
      {command_id: '7450000000000000102', parameters: {txt: text('x')}},
      /txt is not a component/,
    ],
    [
      'a raw string value',
      {command_id: '7450000000000000102', parameters: {text: 'hello'}},
      /serialised object_string array/,
    ],
    [
      'a value outside the options',
      {command_id: '7450000000000000102', parameters: {text: text('a'), language: text('Klingon')}},
      /must be one of/,
    ],
    ['a missing required parameter', {command_id: '7450000000000000102'}, /text is required/],
    [
      'a file that was never uploaded',
      {
        command_id: '7450000000000000103',
        parameters: {document: JSON.stringify([{type: 'file', file_id: '999'}])},
      },
      /does not exist/,
    ],
  ]) {
    it(`rejects ${label} with 4000`, async () => {
      const body = await (await chat('t2', {shortcut_command: shortcut})).json();
      assert.equal(body.code, 4000);
      assert.match(body.msg, reason);
    });
  }
});

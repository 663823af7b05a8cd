/// <reference types="mocha" />
import {expect} from '@open-wc/testing';
import {
  parseCard,
  parseFunctionCall,
  parseObjectString,
  parseQuestionOptions,
  parseToolResponse,
  toObjectString,
} from '../../src/api/content.js';
import type {ObjectStringItem} from '../../src/api/content.js';

function throwsWith(fn: () => unknown, pattern: RegExp): void {
  let caught: unknown;
  try {
    fn();
  } catch (err) {
    caught = err;
  }
  expect(caught, 'expected an error').to.be.instanceOf(Error);
  expect((caught as Error).message).to.match(pattern);
}

describe('content helpers', () => {
  describe('toObjectString', () => {
    it('serialises text with files and images as a JSON array string', () => {
      const items: ObjectStringItem[] = [
        {type: 'text', text: 'What is in these?'},
        {type: 'file', file_id: '7500000000000000001'},
        {type: 'image', file_url: 'https://example.com/a.png'},
      ];
      const content = toObjectString(items);
      expect(content).to.be.a('string');
      expect(JSON.parse(content)).to.deep.equal(items);
    });

    it('keeps only the item fields Coze knows', () => {
      const content = toObjectString([
        {type: 'image', file_id: '1', extra: 'dropped'} as ObjectStringItem,
      ]);
      expect(content).to.equal('[{"type":"image","file_id":"1"}]');
    });

    it('takes files or images alone, and audio', () => {
      expect(JSON.parse(toObjectString([{type: 'file', file_id: '1'}]))).to.have.length(1);
      expect(
        JSON.parse(
          toObjectString([
            {type: 'audio', file_id: '2'},
            {type: 'image', file_id: '3'},
          ])
        )
      ).to.have.length(2);
    });

    it('refuses text alone, pointing at content_type text', () => {
      throwsWith(
        () => toObjectString([{type: 'text', text: 'hello'}]),
        /needs a file or image.*content_type 'text'/
      );
    });

    it('refuses text with only audio alongside', () => {
      throwsWith(
        () =>
          toObjectString([
            {type: 'text', text: 'listen'},
            {type: 'audio', file_id: '1'},
          ]),
        /needs a file or image/
      );
    });

    it('refuses two text items, an empty list, a file without id or url, an unknown type', () => {
      throwsWith(
        () =>
          toObjectString([
            {type: 'text', text: 'a'},
            {type: 'text', text: 'b'},
            {type: 'file', file_id: '1'},
          ]),
        /at most one text item/
      );
      throwsWith(() => toObjectString([]), /at least one item/);
      throwsWith(() => toObjectString([{type: 'image'}]), /needs a file_id or a file_url/);
      throwsWith(
        () => toObjectString([{type: 'video', file_id: '1'} as unknown as ObjectStringItem]),
        /type must be/
      );
      throwsWith(
        () => toObjectString([{type: 'text'}, {type: 'file', file_id: '1'}]),
        /text is missing/
      );
    });
  });

  describe('parseObjectString', () => {
    it('reads back what toObjectString wrote', () => {
      const items: ObjectStringItem[] = [
        {type: 'text', text: 'Look'},
        {type: 'image', file_id: '7500000000000000009'},
      ];
      expect(parseObjectString(toObjectString(items))).to.deep.equal(items);
    });

    it('skips elements that are not known items, and is undefined for non-arrays', () => {
      expect(
        parseObjectString('[{"type":"file","file_id":"1"},{"type":"video"},42,{"text":"x"}]')
      ).to.deep.equal([{type: 'file', file_id: '1'}]);
      expect(parseObjectString('plain text')).to.equal(undefined);
      expect(parseObjectString('{"type":"file"}')).to.equal(undefined);
      expect(parseObjectString('[not json')).to.equal(undefined);
      expect(parseObjectString('[]')).to.deep.equal([]);
    });
  });

  describe('parseFunctionCall', () => {
    it('reads the name, arguments, thought and a plugin id longer than 2^53 exactly', () => {
      const content =
        '{"name":"weather-getForecast","arguments":{"city":"Hangzhou","days":1},"plugin_id":7379227414322217010,"api_id":7379227414322233394,"plugin_type":1,"thought":"Check the forecast."}';
      expect(parseFunctionCall(content)).to.deep.equal({
        name: 'weather-getForecast',
        arguments: {city: 'Hangzhou', days: 1},
        pluginId: '7379227414322217010',
        thought: 'Check the forecast.',
      });
    });

    it('takes arguments as a JSON string, and ids as strings', () => {
      expect(
        parseFunctionCall(
          '{"name":"get_local_weather","arguments":"{\\"city\\":\\"Paris\\"}","plugin_id":"42"}'
        )
      ).to.deep.equal({name: 'get_local_weather', arguments: {city: 'Paris'}, pluginId: '42'});
    });

    it('is undefined for anything without a name', () => {
      expect(parseFunctionCall('{"arguments":{}}')).to.equal(undefined);
      expect(parseFunctionCall('hello')).to.equal(undefined);
      expect(parseFunctionCall('[1]')).to.equal(undefined);
      expect(parseFunctionCall('{"name":"x","arguments":"oops"}')).to.deep.equal({
        name: 'x',
        arguments: {},
      });
    });
  });

  describe('parseToolResponse', () => {
    it('prefers response_for_model, else the raw content', () => {
      expect(
        parseToolResponse(
          '{"content_type":1,"response_for_model":"{\\"t\\":17}","type_for_model":1}'
        )
      ).to.deep.equal({text: '{"t":17}'});
      expect(parseToolResponse('{"temp":17}')).to.deep.equal({text: '{"temp":17}'});
      expect(parseToolResponse('Sunny')).to.deep.equal({text: 'Sunny'});
    });
  });

  describe('parseQuestionOptions', () => {
    it("reads a question node's options", () => {
      expect(
        parseQuestionOptions(
          '{"question":"Which colour would you like?","options":[{"name":"Red"},{"name":"Green"},{"name":"Blue"}]}'
        )
      ).to.deep.equal({
        question: 'Which colour would you like?',
        options: ['Red', 'Green', 'Blue'],
      });
    });

    it('takes plain-string options and skips empty ones', () => {
      expect(
        parseQuestionOptions('{"question":"Pick","options":["A",{"name":""},{"x":1},"B"]}')
      ).to.deep.equal({question: 'Pick', options: ['A', 'B']});
    });

    it('is undefined for ordinary answers', () => {
      expect(parseQuestionOptions('Which colour would you like?')).to.equal(undefined);
      expect(parseQuestionOptions('{"question":"no options"}')).to.equal(undefined);
      expect(parseQuestionOptions('{"options":[{"name":"Red"}]}')).to.equal(undefined);
      expect(parseQuestionOptions('{"question": "broken",')).to.equal(undefined);
    });
  });

  describe('parseCard', () => {
    it('collects titles and texts in order, without repeats', () => {
      const card = JSON.stringify({
        card_type: 'basic',
        title: 'Weather card',
        elements: [
          {tag: 'image', image_url: 'https://example.com/sun.png'},
          {tag: 'text', text: 'Paris: sunny, 24 °C.'},
          {tag: 'text', text: 'Paris: sunny, 24 °C.'},
          {tag: 'button', text: 'Tomorrow', action: {value: 'And tomorrow?'}},
        ],
      });
      expect(parseCard(card)).to.equal('Weather card\nParis: sunny, 24 °C.\nTomorrow');
    });

    it('looks inside nested JSON strings', () => {
      const inner = JSON.stringify({header: {title: 'Order 42'}, body: [{content: 'Shipped'}]});
      expect(parseCard(JSON.stringify({card_id: '1', content: inner}))).to.equal(
        'Order 42\nShipped'
      );
    });

    it('is undefined rather than raw JSON when nothing readable is found', () => {
      expect(parseCard('{"card_id":"7","tag":"image","image_url":"x"}')).to.equal(undefined);
      expect(parseCard('not a card')).to.equal(undefined);
      expect(parseCard('{"title": ')).to.equal(undefined);
    });
  });
});

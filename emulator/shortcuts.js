// @ts-check
/**
 * Shortcut commands: the `shortcut_commands` of a bot's profile, and `shortcut_command` on
 * `/v3/chat`, checked strictly and answered according to the command.
 *
 * Shapes from Coze's OpenAPI spec (coze-dev/coze-sdk-gen `coze-openapi.yaml`: `ShortcutCommandInfo`,
 * `ShortcutCommandComponent`, `ShortcutCommandDetail`) and the open-source Chat SDK
 * (coze-dev/coze-studio `frontend/packages/studio/open-platform/open-chat`, which also reads a
 * `send_type` of `query` or `panel`). A parameter value is a JSON-serialised object_string array,
 * e.g. `[{"type":"text","text":"hello"}]`; the keys are the components' names.
 */
import {isPlainObject} from './http.js';
import {parseObjectItems} from './api/object-string.js';

/** Bot ids containing this word offer the commands below. */
export const SHORTCUTS_MARK = 'shortcuts';

/** @typedef {{name: string, description: string, type: 'text' | 'select' | 'file', default_value?: string, options?: string[], is_hide: boolean, tool_parameter?: string}} Component */
/** @typedef {{id: string, name: string, command: string, description: string, query_template: string, icon_url: string, send_type: 'query' | 'panel', components: Component[], tool?: {name: string, type: string}}} Command */

/** @type {readonly Command[]} */
export const SHORTCUT_COMMANDS = [
  {
    id: '7450000000000000101',
    name: 'Weather today',
    command: '/weather',
    description: "Today's forecast, with no questions asked",
    query_template: 'What is the weather like today?',
    icon_url: '',
    send_type: 'query',
    components: [],
  },
  {
    id: '7450000000000000102',
    name: 'Translate',
    command: '/translate',
    description: 'Translate a text into another language',
    query_template: 'Translate “{{text}}” into {{language}}',
    icon_url: '',
    send_type: 'panel',
    components: [
      {name: 'text', description: 'What to translate', type: 'text', is_hide: false},
      {
        name: 'language',
        description: 'The language to translate into',
        type: 'select',
        options: ['French', 'German', 'Japanese'],
        default_value: 'French',
        is_hide: false,
      },
      {name: 'tone', description: 'Register', type: 'text', default_value: 'plain', is_hide: true},
    ],
    tool: {name: 'translator', type: 'plugin'},
  },
  {
    id: '7450000000000000103',
    name: 'Summarise a file',
    command: '/summarise',
    description: 'A short summary of a document',
    query_template: 'Summarise {{document}} in a {{length}} summary',
    icon_url: '',
    send_type: 'panel',
    components: [
      {
        name: 'document',
        description: 'The document to summarise',
        type: 'file',
        options: ['doc', 'txt'],
        is_hide: false,
      },
      {
        name: 'length',
        description: 'short or long',
        type: 'text',
        default_value: 'short',
        is_hide: false,
      },
    ],
    tool: {name: 'summariser', type: 'workflow'},
  },
];

/** The commands a bot's profile lists. @param {string} botId */
export function shortcutCommands(botId) {
  return botId.includes(SHORTCUTS_MARK) ? SHORTCUT_COMMANDS.map((c) => structuredClone(c)) : [];
}

/**
 * A checked `shortcut_command`: the command and, per parameter, what was given.
 * @typedef {{command: Command, values: Record<string, string>}} ShortcutRun
 */

/**
 * Reads `shortcut_command` from a `/v3/chat` body: undefined when absent, a reason when malformed.
 * @param {Record<string, unknown>} body
 * @param {string} botId
 * @param {(id: string) => {file_name: string} | undefined} fileOf uploaded files, by id
 * @returns {ShortcutRun | string | undefined}
 */
export function readShortcutCommand(body, botId, fileOf) {
  const raw = body.shortcut_command;
  if (raw === undefined || raw === null) return undefined;
  if (!isPlainObject(raw)) return 'shortcut_command must be an object';
  const id = raw.command_id;
  if (typeof id !== 'string' || !id) return 'shortcut_command.command_id is required';
  const command = shortcutCommands(botId).find((c) => c.id === id);
  if (!command) return `shortcut_command.command_id ${id} is not a shortcut command of this bot`;
  const params = raw.parameters ?? {};
  if (!isPlainObject(params)) return 'shortcut_command.parameters must be a map of strings';
  /** @type {Record<string, string>} */
  const values = {};
  for (const [name, value] of Object.entries(params)) {
    const component = command.components.find((c) => c.name === name);
    if (!component)
      return `shortcut_command.parameters: ${name} is not a component of ${command.command}`;
    if (typeof value !== 'string')
      return `shortcut_command.parameters.${name} must be a serialised object_string array`;
    const items = parseObjectItems(value);
    if (typeof items === 'string' || items.length !== 1)
      return `shortcut_command.parameters.${name} must be a serialised object_string array of one item`;
    const [item] = items;
    if (component.type === 'file') {
      if (item.type !== 'file' && item.type !== 'image')
        return `shortcut_command.parameters.${name} must be a file item`;
      const file = item.file_id ? fileOf(item.file_id) : undefined;
      if (!file)
        return `shortcut_command.parameters.${name}: file_id ${item.file_id} does not exist`;
      values[name] = file.file_name;
    } else {
      if (item.type !== 'text' || typeof item.text !== 'string')
        return `shortcut_command.parameters.${name} must be a text item`;
      if (component.type === 'select' && !component.options?.includes(item.text))
        return `shortcut_command.parameters.${name} must be one of ${component.options?.join(', ')}`;
      values[name] = item.text;
    }
  }
  for (const component of command.components) {
    if (!(component.name in values) && !component.default_value)
      return `shortcut_command.parameters.${component.name} is required by ${command.command}`;
  }
  return {command, values};
}

/**
 * What the bot answers to a command, naming every parameter it used (defaults included).
 * @param {ShortcutRun} run
 * @returns {string}
 */
export function shortcutAnswer({command, values}) {
  if (!command.components.length)
    return `Shortcut ${command.command}: sunny all day, 24 °C, a light breeze from the west.`;
  const used = command.components.map((c) => `${c.name} = “${values[c.name] ?? c.default_value}”`);
  return `Shortcut ${command.command} ran with ${used.join(', ')}.`;
}

/**
 * Running a bot's shortcut command: the question it asks (its query template
 * with the reader's values, as Coze's own chat shows it) and its parameters
 * in Coze's encoding (each value a serialised object_string array). Pure.
 */
import type {ShortcutCommand, ShortcutCommandRun} from '../api/types.js';
import type {MessageFile} from './types.js';

/** What the reader gave for one parameter: text, or an uploaded file. */
export type ShortcutValue = string | MessageFile;

/** The question, the wire parameters and the files of one run of a command. */
export interface ShortcutRun {
  readonly text: string;
  readonly shortcut: ShortcutCommandRun;
  readonly files: readonly MessageFile[];
}

/** Whether a command asks the reader for anything before it runs. */
export function asksForParameters(command: ShortcutCommand): boolean {
  return command.sendType === 'panel' && command.parameters.some((p) => !p.hidden);
}

/** The value a parameter is sent with: the reader's, else (hidden or left empty) its default. */
function valueOf(
  command: ShortcutCommand,
  values: Readonly<Record<string, ShortcutValue>>,
  name: string
): ShortcutValue | undefined {
  const given = values[name];
  if (typeof given === 'object' || (given !== undefined && given.trim())) return given;
  const fallback = command.parameters.find((p) => p.name === name)?.defaultValue;
  return fallback || undefined;
}

/** Fills `{{name}}` in the command's template; a file stands as its name. */
export function shortcutQuery(
  command: ShortcutCommand,
  values: Readonly<Record<string, ShortcutValue>> = {}
): string {
  const template = command.queryTemplate ?? (command.command || command.name);
  return template
    .replace(/\{\{\s*([^{}]+?)\s*\}\}/g, (whole, name: string) => {
      if (!command.parameters.some((p) => p.name === name)) return whole;
      const value = valueOf(command, values, name);
      if (value === undefined) return '';
      return typeof value === 'string' ? value.trim() : value.name;
    })
    .trim();
}

/** Everything `send()` needs to run a command with these values. */
export function shortcutRun(
  command: ShortcutCommand,
  values: Readonly<Record<string, ShortcutValue>> = {}
): ShortcutRun {
  const parameters: Record<string, string> = {};
  const files: MessageFile[] = [];
  for (const p of command.parameters) {
    const value = valueOf(command, values, p.name);
    if (value === undefined) continue;
    if (typeof value === 'string') {
      parameters[p.name] = JSON.stringify([{type: 'text', text: value.trim()}]);
    } else {
      parameters[p.name] = JSON.stringify([{type: value.kind, file_id: value.fileId}]);
      files.push(value);
    }
  }
  const text = shortcutQuery(command, values) || command.name;
  return {
    text,
    files,
    shortcut: {
      commandId: command.id,
      ...(Object.keys(parameters).length ? {parameters} : {}),
    },
  };
}

/** The commands whose `/command` or name starts with what follows the reader's `/`. */
export function matchingShortcuts(
  commands: readonly ShortcutCommand[],
  draft: string
): readonly ShortcutCommand[] {
  if (!draft.startsWith('/') || /\s/.test(draft)) return [];
  const typed = draft.slice(1).toLowerCase();
  return commands.filter(
    (c) =>
      c.command.replace(/^\//, '').toLowerCase().startsWith(typed) ||
      c.name.toLowerCase().startsWith(typed)
  );
}

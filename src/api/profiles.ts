/**
 * Who the reader chats with, read from Coze's answers: a bot's profile, an app's and a
 * chatflow's. Field names are read leniently where Coze's variants differ; pure, no DOM.
 */
import {profileExtras} from './bot-profile.js';
import {record, str} from './json.js';
import type {AppInfo, BotInfo, WorkflowInfo} from './types.js';

/** A bot's profile from `GET /v1/bots/{bot_id}`'s `data`. */
export function readBotInfo(value: unknown, botId: string): BotInfo {
  const data = record(value);
  const onboarding = record(data.onboarding_info);
  const info: BotInfo = {
    id: str(data.bot_id) ?? str(data.id) ?? botId,
    name: str(data.name) ?? '',
    suggestedQuestions: suggestedQuestions(onboarding),
    ...profileExtras(data),
  };
  const iconUrl = str(data.icon_url);
  const description = str(data.description);
  const prologue = str(onboarding.prologue);
  if (iconUrl) info.iconUrl = iconUrl;
  if (description) info.description = description;
  if (prologue) info.prologue = prologue;
  return info;
}

/** An app from `GET /v1/apps/{app_id}`'s `data` (`app_id`/`id`, `icon_url`/`icon`, maybe under `app`). */
export function readAppInfo(value: unknown, appId: string): AppInfo {
  const data = record(value);
  const nested = record(data.app);
  const field = (key: string) => str(data[key]) ?? str(nested[key]);
  const info: AppInfo = {
    id: field('app_id') ?? field('id') ?? appId,
    name: field('name') ?? field('app_name') ?? '',
  };
  const iconUrl = field('icon_url') ?? field('icon');
  const description = field('description') ?? field('desc');
  if (iconUrl) info.iconUrl = iconUrl;
  if (description) info.description = description;
  return info;
}

/**
 * A chatflow's role from `GET /v1/workflows/{workflow_id}`'s `data`, in this order: the role
 * config under `data.role` (`name`, `avatar` as a URL or `{image_url}`, `onboarding_info`),
 * then the workflow under `data.workflow_detail` (`workflow_name`, `icon_url`), then the same
 * keys on `data` itself.
 */
export function readWorkflowInfo(value: unknown, workflowId: string): WorkflowInfo {
  const data = record(value);
  const role = record(data.role);
  const detail = record(data.workflow_detail ?? data.workflow);
  const layers = [role, detail, data];
  const first = (read: (layer: Record<string, unknown>) => string | undefined) =>
    layers.map(read).find((value) => value !== undefined);
  const onboarding = record(layers.map((l) => l.onboarding_info).find((v) => v !== undefined));
  const info: WorkflowInfo = {
    id: first((l) => str(l.workflow_id)) ?? str(data.id) ?? workflowId,
    suggestedQuestions: suggestedQuestions(onboarding),
  };
  const name = first((l) => str(l.name) ?? str(l.workflow_name));
  const iconUrl = first((l) => imageUrl(l.avatar) ?? str(l.icon_url) ?? imageUrl(l.icon));
  const prologue = str(onboarding.prologue);
  if (name) info.name = name;
  if (iconUrl) info.iconUrl = iconUrl;
  if (prologue) info.prologue = prologue;
  return info;
}

/** Non-empty suggested questions of an `onboarding_info`: strings, or `{content}` objects. */
function suggestedQuestions(onboarding: Record<string, unknown>): string[] {
  const list = Array.isArray(onboarding.suggested_questions) ? onboarding.suggested_questions : [];
  return list
    .map((q: unknown) => (typeof q === 'string' ? q : str(record(q).content)))
    .filter((q): q is string => typeof q === 'string' && q.trim() !== '');
}

/** An image given as a URL string or as `{image_url}` / `{url}`. */
function imageUrl(value: unknown): string | undefined {
  if (typeof value === 'string') return str(value);
  const image = record(value);
  return str(image.image_url) ?? str(image.url);
}

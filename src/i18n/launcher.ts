/**
 * The launcher's strings in every language: all the text a chat shows before its
 * panel is loaded. The full tables (`en.ts`, `zh-CN.ts`) include these.
 */
export interface LauncherStrings {
  openChat: string;
  closeChat: string;
  /** `{label}` is the button's label, `{count}` the number of new answers. */
  unread: string;
}

export const launcherEn: LauncherStrings = {
  openChat: 'Open chat',
  closeChat: 'Close chat',
  unread: '{label}, {count} new',
};

export const launcherZhCN: LauncherStrings = {
  openChat: '打开聊天',
  closeChat: '关闭聊天',
  unread: '{label}，{count} 条新消息',
};

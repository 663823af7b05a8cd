import {CUSTOM_ELEMENTS_SCHEMA, Component, signal} from '@angular/core';
import type {CozeMessageEvent} from 'coze-chat-elements';
import {fetchBotId, tokenFromPage} from './config';

@Component({
  selector: 'app-root',
  // <coze-chat> is a custom element, not an Angular component.
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <main>
      <h1>coze-chat-elements in Angular</h1>
      <p>
        Answers: <output id="answers">{{ answers().length }}</output>, token requests:
        <output id="token-calls">{{ tokenCalls() }}</output>
      </p>
      <p id="last-answer">{{ answers().at(-1)?.slice(0, 80) }}</p>
      <coze-chat
        mode="inline"
        [attr.bot-id]="botId()"
        [apiBase]="apiBase"
        user-id="example-angular"
        [token]="token"
        (coze-message)="onMessage($event)"
      ></coze-chat>
    </main>
  `,
  styles: `
    main {
      max-width: 48rem;
      margin: 0 auto;
      padding: 1rem;
    }
    coze-chat {
      display: block;
      height: 560px;
    }
  `,
})
export class App {
  // The bot id arrives after the first render, as it would from the site's own config API.
  protected readonly botId = signal('');
  protected readonly answers = signal<string[]>([]);
  protected readonly tokenCalls = signal(0);
  protected readonly apiBase = location.origin;

  constructor() {
    fetchBotId().then((id) => this.botId.set(id));
  }

  // A function, not a string: called for the first token and again when Coze rejects one.
  protected readonly token = async (previous?: string): Promise<string> => {
    this.tokenCalls.update((n) => n + 1);
    return tokenFromPage(previous);
  };

  protected onMessage(event: CozeMessageEvent): void {
    this.answers.update((list) => [...list, event.detail.message.content]);
  }
}

import {bootstrapApplication} from '@angular/platform-browser';
// Registers <coze-chat> and the other elements.
import 'coze-chat-elements';
import {appConfig} from './app/app.config';
import {App} from './app/app';

bootstrapApplication(App, appConfig).catch((err) => console.error(err));

// The engines the browser suite runs in, each from Debian's packages, none downloaded:
// Chromium and Firefox through puppeteer-core (Firefox over WebDriver BiDi), WebKit
// (WebKitGTK's MiniBrowser) through WebKitWebDriver, under a virtual X display when
// there is no display. BROWSERS=chromium (or firefox, webkit, a comma-separated list)
// picks engines (BROWSERS=all for the three); Chromium alone by default.
import {spawn} from 'node:child_process';
import {createServer} from 'node:net';
import {chromeLauncher, puppeteerCore} from '@web/test-runner-chrome';
import {WebdriverLauncher} from '@web/test-runner-webdriver';
import {Key} from 'webdriverio';
import {chromiumArgs, chromiumPath} from './chromium.mjs';

export const engines = ['chromium', 'firefox', 'webkit'];
const defaultEngines = ['chromium'];

export const firefoxPath = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const webkitDriverPath = process.env.WEBKIT_DRIVER_PATH ?? '/usr/bin/WebKitWebDriver';
export const miniBrowserPath =
  process.env.MINIBROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/** The engines named by BROWSERS, in a fixed order; a typo is an error. */
export function selectedEngines(value = process.env.BROWSERS) {
  if (!value?.trim()) return defaultEngines;
  if (value.trim().toLowerCase() === 'all') return engines;
  const names = value
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  const unknown = names.filter((name) => !engines.includes(name));
  if (unknown.length)
    throw new Error(
      `BROWSERS: unknown engine ${unknown.join(', ')} (known: ${engines.join(', ')})`
    );
  return engines.filter((name) => names.includes(name));
}

export function launcherFor(engine) {
  switch (engine) {
    case 'chromium':
      return chromeLauncher({
        launchOptions: {
          executablePath: chromiumPath,
          headless: true,
          // A fake microphone (a beeping tone) for the voice-input tests.
          args: [
            ...chromiumArgs,
            '--use-fake-device-for-media-stream',
            '--use-fake-ui-for-media-stream',
          ],
        },
      });
    case 'firefox':
      return chromeLauncher({
        puppeteer: puppeteerCore,
        launchOptions: {
          browser: 'firefox',
          executablePath: firefoxPath,
          headless: true,
          // Firefox's fake microphone (a tone), granted without a prompt.
          extraPrefsFirefox: {
            'media.navigator.streams.fake': true,
            'media.navigator.permission.disabled': true,
          },
        },
        createPage: async ({context}) => {
          const page = await context.newPage();
          // puppeteer sets the screen orientation with every viewport, a BiDi command Firefox
          // ESR 140 does not know; the viewport itself is set all the same (a round trip after
          // the failure waits for it).
          const setViewport = page.setViewport.bind(page);
          page.setViewport = (viewport) =>
            setViewport(viewport).catch(async (error) => {
              if (!/setScreenOrientationOverride/.test(String(error?.message))) throw error;
              await page.evaluate('0');
            });
          return page;
        },
      });
    case 'webkit':
      return new WebKitLauncher();
    default:
      throw new Error(`no launcher for ${engine}`);
  }
}

/** A key by its `KeyboardEvent.key` or `.code` name ('Enter', 'Control', 'KeyV') as WebDriver's code. */
const webdriverKey = (key) => {
  if (/^Key[A-Z]$/.test(key)) return key.slice(3).toLowerCase();
  if (key === 'Meta') return Key.Command;
  return Key[key] ?? key;
};

/**
 * `press-keys` {keys: ['Shift', 'Enter']}: holds each key in turn, then lets them go in
 * reverse, as a person presses a shortcut. The built-in send-keys cannot hold a key
 * under WebDriver.
 */
export function pressKeysPlugin() {
  return {
    name: 'press-keys',
    async executeCommand({command, payload, session}) {
      if (command !== 'press-keys') return undefined;
      const keys = payload?.keys;
      if (!Array.isArray(keys) || !keys.length)
        throw new Error('press-keys: {keys: [...]} expected');
      if (session.browser.type === 'puppeteer') {
        const {keyboard} = session.browser.getPage(session.id);
        for (const key of keys) await keyboard.down(key);
        for (const key of [...keys].reverse()) await keyboard.up(key);
        return true;
      }
      if (session.browser.type === 'webdriver') {
        await session.browser.driver.performActions([
          {
            type: 'key',
            id: 'keyboard',
            actions: [
              ...keys.map((key) => ({type: 'keyDown', value: webdriverKey(key)})),
              ...[...keys].reverse().map((key) => ({type: 'keyUp', value: webdriverKey(key)})),
            ],
          },
        ]);
        await session.browser.driver.releaseActions();
        return true;
      }
      throw new Error(`press-keys: not supported for ${session.browser.type}`);
    },
  };
}

/** A TCP port nothing listens on right now. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const {port} = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForDriver(port, child) {
  const deadline = Date.now() + 30000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`WebKitWebDriver exited (${child.exitCode})`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/status`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('WebKitWebDriver did not answer within 30 s');
}

/**
 * WebKit: starts WebKitWebDriver (which starts MiniBrowser in automation mode) on a free
 * port, under xvfb-run when there is no display, and stops it with the run.
 */
class WebKitLauncher extends WebdriverLauncher {
  #driverProcess;

  constructor() {
    super({
      hostname: '127.0.0.1',
      port: 0,
      logLevel: 'error',
      capabilities: {
        browserName: 'MiniBrowser',
        // WebKitWebDriver speaks WebDriver classic only.
        'wdio:enforceWebDriverClassic': true,
        'webkitgtk:browserOptions': {
          binary: miniBrowserPath,
          args: [
            '--automation',
            '--enable-media-stream=true',
            '--enable-mock-capture-devices=true',
          ],
        },
      },
    });
  }

  async initialize(config, testFiles) {
    const port = await freePort();
    const driver = [webkitDriverPath, `--port=${port}`, '--host=127.0.0.1'];
    const command = process.env.DISPLAY
      ? driver
      : ['xvfb-run', '--auto-servernum', '--server-args=-screen 0 1280x1024x24', ...driver];
    this.#driverProcess = spawn(command[0], command.slice(1), {
      detached: true,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    await waitForDriver(port, this.#driverProcess);
    this.options.port = port;
    await super.initialize(config, testFiles);
    this.name = 'WebKit';
  }

  /**
   * Types keys one after another. The stock launcher sends them as one chord (all down, then
   * all up), which drops a repeated letter: "Trip plans" became "Trip lans".
   */
  async sendKeys(_sessionId, keys) {
    await this.driver.performActions([
      {
        type: 'key',
        id: 'keyboard',
        actions: keys.flatMap((key) => [
          {type: 'keyDown', value: webdriverKey(key)},
          {type: 'keyUp', value: webdriverKey(key)},
        ]),
      },
    ]);
    await this.driver.releaseActions();
  }

  async stop() {
    await super.stop();
    const child = this.#driverProcess;
    this.#driverProcess = undefined;
    if (child?.exitCode === null) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
  }
}

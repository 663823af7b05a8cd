import {executeServerCommand} from '@web/test-runner-commands';

/** Holds the keys in turn and lets them go in reverse: `pressKeys('Shift', 'Enter')`. */
export async function pressKeys(...keys: string[]): Promise<void> {
  await executeServerCommand('press-keys', {keys});
}

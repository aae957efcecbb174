import { BuurtConsoleFigures } from './buurt-console-figures/buurt-console-figures.js';
import { BuurtConsoleModeration } from './buurt-console-moderation/buurt-console-moderation.js';
import { BuurtConsoleRoles } from './buurt-console-roles/buurt-console-roles.js';
import { BuurtConsoleSettings } from './buurt-console-settings/buurt-console-settings.js';
import { BuurtConsoleSignIn } from './buurt-console-sign-in/buurt-console-sign-in.js';
import { BuurtConsole } from './buurt-console/buurt-console.js';

const elements: Record<string, CustomElementConstructor> = {
  'buurt-console': BuurtConsole,
  'buurt-console-sign-in': BuurtConsoleSignIn,
  'buurt-console-moderation': BuurtConsoleModeration,
  'buurt-console-settings': BuurtConsoleSettings,
  'buurt-console-roles': BuurtConsoleRoles,
  'buurt-console-figures': BuurtConsoleFigures,
};

/** Registers the console's elements; safe to call twice (a defined tag is left as it is). */
export function defineConsoleElements(registry: CustomElementRegistry = customElements): void {
  for (const [tag, element] of Object.entries(elements)) {
    if (!registry.get(tag)) registry.define(tag, element);
  }
}

/**
 * The embed API for host pages: `load()` the widget as a typed promise, listen to its events,
 * mount views, sign residents in, and extend initiative views with plugins (`definePlugin`).
 * Types only, apart from `load`, `definePlugin`, `isEmbedError` and `buurtEventNames`: a few hundred bytes in a host's bundle.
 */
export type { Buurtplein, BuurtpleinCommand, BuurtView, CommonViewOptions, HostContext, ListViewOptions, MountArgs, ReadyOptions, ViewOptions } from './buurtplein.js';
export { embedError, isEmbedError, type EmbedError, type EmbedErrorCode } from './embed-error.js';
export {
  buurtEventNames,
  type BuurtEventHandler,
  type BuurtEventMap,
  type BuurtEventName,
  type InitiativeCreatedDetail,
  type InitiativeSelectedDetail,
  type InitiativeSupportedDetail,
  type OfferAcceptedDetail,
  type UserSignedInDetail,
} from './events.js';
export { load, type LoadOptions } from './load.js';
export {
  definePlugin,
  PLUGIN_API_VERSION,
  type BuurtPlugin,
  type PluginAction,
  type PluginApi,
  type PluginInitiative,
  type PluginLocale,
  type PluginSection,
  type PluginSectionContent,
  type PluginViewContext,
  type ThemeTokens,
} from './plugin.js';

import type { Follow, FollowRequest, FollowTargetType } from '../contract/index.js';
import type { Transport, WriteOptions } from '../http.js';
import { path } from '../path.js';

/** Following an initiative, thread or neighbourhood, by e-mail immediately, daily or weekly. */
export function followsResource(transport: Transport) {
  return {
    /** Follow, or change how often you hear about it; what you follow is listed by `me.follows`. */
    follow: (targetType: FollowTargetType, targetId: string, settings: FollowRequest = {}, options: WriteOptions = {}) =>
      transport.request<Follow>({ method: 'PUT', path: path`/follows/${targetType}/${targetId}`, body: settings, ...options }),
    /** Stop following. */
    unfollow: (targetType: FollowTargetType, targetId: string, options: WriteOptions = {}) =>
      transport.request<void>({ method: 'DELETE', path: path`/follows/${targetType}/${targetId}`, ...options }),
  };
}

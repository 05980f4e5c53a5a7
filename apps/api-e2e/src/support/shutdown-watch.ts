import type { INestApplication } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';

const HOOKS = ['onModuleDestroy', 'beforeApplicationShutdown', 'onApplicationShutdown'] as const;
const WATCHED = Symbol('shutdown-watched');

type Hooked = Partial<Record<(typeof HOOKS)[number], (...args: unknown[]) => unknown>> & { [WATCHED]?: true };

/**
 * Records which shutdown hooks and which closes of NestApplication.close have started and not finished, so a close that
 * hangs can say where: `pending()` lists them (`CacheLifecycle.onApplicationShutdown`, `socketModule.close`).
 */
export function watchShutdown(app: INestApplication): { pending(): string[] } {
  const running = new Map<number, string>();
  let next = 0;
  const track = <T>(name: string, run: () => T): T => {
    const id = next++;
    running.set(id, name);
    const result = run();
    if (result instanceof Promise) return result.finally(() => running.delete(id)) as T;
    running.delete(id);
    return result;
  };
  for (const module of app.get(ModulesContainer).values()) {
    const wrappers = [...module.providers.values(), ...module.controllers.values(), ...module.injectables.values()];
    for (const wrapper of wrappers) {
      const instance = wrapper.instance as Hooked | undefined;
      if (!instance || typeof instance !== 'object' || instance[WATCHED]) continue;
      instance[WATCHED] = true;
      for (const hook of HOOKS) {
        const original = instance[hook];
        if (typeof original !== 'function') continue;
        instance[hook] = (...args: unknown[]) => track(`${instance.constructor.name}.${hook}`, () => original.apply(instance, args));
      }
    }
  }
  // Between the hooks NestApplication.close disposes of the socket gateways' servers, then of the HTTP server. (The app
  // itself is a proxy that ignores assignments; these two are plain objects behind it.)
  const disposed = app as unknown as Record<'socketModule' | 'httpAdapter', { close(): Promise<unknown> } | undefined>;
  for (const part of ['socketModule', 'httpAdapter'] as const) {
    const target = disposed[part];
    if (!target) continue;
    const close = target.close.bind(target);
    target.close = () => track(`${part}.close`, close);
  }
  return { pending: () => [...running.values()] };
}

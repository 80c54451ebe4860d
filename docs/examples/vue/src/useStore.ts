// A headless store of `@bianmin/sdk/stores` as a Vue ref: `get()` into a shallowRef on every change.
import { getCurrentScope, onScopeDispose, shallowRef, type ShallowRef } from 'vue';
import type { Store } from '@bianmin/sdk/stores';

export function useStore<T>(store: Store<T>): Readonly<ShallowRef<T>> {
  const state = shallowRef(store.get());
  const unsubscribe = store.subscribe(() => {
    state.value = store.get();
  });
  if (getCurrentScope()) onScopeDispose(unsubscribe);
  return state;
}

export {
  createOutbox,
  isPermanentFailure,
  outboxBackoff,
  outboxError,
  type Outbox,
  type OutboxChange,
  type OutboxEntry,
  type OutboxError,
  type OutboxOptions,
  type OutboxState,
} from './outbox.js';
export {
  browserStorage,
  indexedDbStorage,
  isStorageAvailable,
  isStorageUnavailableError,
  localStorageStorage,
  memoryStorage,
  StorageUnavailableError,
  type OutboxRecord,
  type OutboxStorage,
} from './storage.js';

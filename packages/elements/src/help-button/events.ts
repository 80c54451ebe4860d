import type { HelpKind, HelpRequest } from '@bianmin/sdk';
import type { OutboxError } from '@bianmin/sdk/outbox';

export interface HelpQueuedDetail {
  /** The outbox entry's id (stable across reloads until the entry is delivered and dropped). */
  readonly entryId: string;
  readonly kind: HelpKind;
}

/** The request is stored on this device (IndexedDB or localStorage) and will be sent until it is delivered. */
export class BmHelpQueuedEvent extends Event {
  readonly detail: HelpQueuedDetail;
  constructor(detail: HelpQueuedDetail) {
    super('bm-help-queued', { bubbles: true, composed: true });
    this.detail = detail;
  }
}

export interface HelpRequestDetail {
  readonly entryId: string;
  /** The request as the server has it (number, status, reply due time). */
  readonly request: HelpRequest;
}

/** The server answered 2xx: the request is in the help register. */
export class BmHelpDeliveredEvent extends Event {
  readonly detail: HelpRequestDetail;
  constructor(detail: HelpRequestDetail) {
    super('bm-help-delivered', { bubbles: true, composed: true });
    this.detail = detail;
  }
}

/** The desk has taken the request up (answered "at once", seed 003). */
export class BmHelpAcknowledgedEvent extends Event {
  readonly detail: HelpRequestDetail;
  constructor(detail: HelpRequestDetail) {
    super('bm-help-acknowledged', { bubbles: true, composed: true });
    this.detail = detail;
  }
}

export interface HelpFailedDetail {
  readonly entryId: string;
  /**
   * `rejected`: the server refused it (4xx); sending it again as it is cannot help.
   * `not-sent`: storage was unavailable and the direct attempt got no answer; nothing keeps it.
   */
  readonly reason: 'rejected' | 'not-sent';
  /** Why, without the request's content. */
  readonly error: OutboxError;
}

/** The request will not be delivered as it is; the widget shows why and the phone numbers. */
export class BmHelpFailedEvent extends Event {
  readonly detail: HelpFailedDetail;
  constructor(detail: HelpFailedDetail) {
    super('bm-help-failed', { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'bm-help-queued': BmHelpQueuedEvent;
    'bm-help-delivered': BmHelpDeliveredEvent;
    'bm-help-acknowledged': BmHelpAcknowledgedEvent;
    'bm-help-failed': BmHelpFailedEvent;
  }
}

/**
 * A stand-in for @stomp/stompjs for page tests: it connects at once, lets a test deliver frames to
 * a subscription, and can drop the line and reconnect, as a broker restart or a node going away
 * does (pushes sent meanwhile are lost, so a page must fetch what it missed on every reconnect).
 * Use with `vi.mock('@stomp/stompjs', () => import('../test/fakeStomp'))`.
 */
export class FakeStompClient {
  active = false;
  connected = false;
  connectHeaders: Record<string, string> = {};
  onConnect: () => void = () => {};
  onWebSocketClose: () => void = () => {};
  beforeConnect: () => Promise<void> = async () => {};
  readonly subscriptions = new Map<string, (frame: { body: string }) => void>();

  activate() {
    this.active = true;
    void this.beforeConnect().then(() => {
      this.connected = true;
      this.onConnect();
    });
  }

  async deactivate() {
    this.active = false;
    this.connected = false;
  }

  subscribe(destination: string, callback: (frame: { body: string }) => void) {
    this.subscriptions.set(destination, callback);
    return { unsubscribe: () => this.subscriptions.delete(destination) };
  }

  /** What the page sent, in order. */
  readonly published: { destination: string; body?: string }[] = [];

  publish(frame: { destination: string; body?: string }) {
    this.published.push(frame);
  }

  deliver(destination: string, body: unknown) {
    this.subscriptions.get(destination)?.({ body: JSON.stringify(body) });
  }

  /** The line drops (subscriptions die with it), then stompjs reconnects. */
  async dropAndReconnect() {
    this.connected = false;
    this.subscriptions.clear();
    this.onWebSocketClose();
    await this.beforeConnect();
    this.connected = true;
    this.onConnect();
  }
}

/** Every client the page created, oldest first; a test empties it after each case. */
export const openSockets: FakeStompClient[] = [];

/** What the page imports as @stomp/stompjs' Client. */
export class Client extends FakeStompClient {
  constructor() {
    super();
    openSockets.push(this);
  }
}

import { Client, type IMessage, type StompHeaders } from '@stomp/stompjs';

export const wsUrl = () => `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`;

interface Options {
  /** Called before every (re)connect: a staff CSRF token can change while the page is open. */
  connectHeaders?: () => Promise<StompHeaders>;
  /** Subscriptions die with the connection, so this runs on every (re)connect. */
  onConnect: (client: Client) => void;
  onStatus?: (connected: boolean) => void;
}

/** One STOMP connection that keeps reconnecting until `deactivate()`. */
export function openStomp({ connectHeaders, onConnect, onStatus }: Options): Client {
  const client = new Client({
    brokerURL: wsUrl(),
    reconnectDelay: 2000,
    heartbeatIncoming: 10000,
    heartbeatOutgoing: 10000,
  });
  client.beforeConnect = async () => {
    if (connectHeaders) client.connectHeaders = await connectHeaders();
  };
  client.onConnect = () => {
    onStatus?.(true);
    onConnect(client);
  };
  client.onWebSocketClose = () => onStatus?.(false);
  client.activate();
  return client;
}

/**
 * The server's word that this subscription has ended (a chat transferred or closed) or was
 * refused. It says nothing else, and nothing more comes on the subscription.
 */
export function isAccessEnded(message: IMessage): boolean {
  return read(message)?.type === 'access-ended';
}

/** Bodies are JSON; a malformed one, or the access-ended notice, is no payload and is dropped rather than breaking the page. */
export function parse<T>(message: IMessage): T | undefined {
  const body = read(message);
  return body === undefined || body?.type === 'access-ended' ? undefined : (body as T);
}

function read(message: IMessage): { type?: unknown } | null | undefined {
  try {
    return JSON.parse(message.body) as { type?: unknown } | null;
  } catch {
    return undefined;
  }
}

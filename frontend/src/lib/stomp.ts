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

/** Bodies are JSON; a malformed one is dropped rather than breaking the page. */
export function parse<T>(message: IMessage): T | undefined {
  try {
    return JSON.parse(message.body) as T;
  } catch {
    return undefined;
  }
}

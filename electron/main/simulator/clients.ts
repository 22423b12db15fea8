/** Operator clients the simulator accepts (client_id, client_secret, scopes). */
import { timingSafeEqual } from 'node:crypto'
import type { Scope } from './types'

/** The built-in demo client (read scope). */
export const DEMO_CLIENT = { clientId: 'demo_field_client', clientSecret: 'demo-fleet-secret' } as const

interface ClientRecord {
  secret: string
  scopes: Scope[]
}

/** The registry of clients, starting with the demo client. */
export class ClientRegistry {
  private readonly clients = new Map<string, ClientRecord>()

  constructor() {
    this.add(DEMO_CLIENT.clientId, DEMO_CLIENT.clientSecret, ['read'])
  }

  /** Adds or replaces a client. */
  add(clientId: string, clientSecret: string, scopes: Scope[] = ['read']): void {
    if (!clientId || !clientSecret) throw new Error('A client needs a non-empty client_id and client_secret.')
    this.clients.set(clientId, { secret: clientSecret, scopes: [...new Set(scopes)] })
  }

  /** The client's scopes when the secret matches; undefined otherwise. */
  authenticate(clientId: string, clientSecret: string): Scope[] | undefined {
    const client = this.clients.get(clientId)
    if (!client) return undefined
    const given = Buffer.from(clientSecret)
    const expected = Buffer.from(client.secret)
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined
    return [...client.scopes]
  }
}
